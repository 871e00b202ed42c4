import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { foldWord, isFrequentWord } from "../commonWords";
import type { Span } from "../recognizers/Recognizer";
import { calendarWords } from "./calendarWords";
import { lexicon } from "./lexicon";
import { CONTRACTION, GREETING, NAME_WORDS, TITLE, type Token } from "./nameTokens";

/**
 * A given name right before a name the other rules found is part of it, even when it is also an
 * ordinary word ("Olive Garnier", "Patience Mensah" at the start of a line): the surname after it
 * is the person cue. Given names come from the names step's lists (compromise) and every name
 * part of @cspell/dict-people-names, words included; alone, such a word stays a word. The person
 * then answers to the given name alone too (the vault's name-part variants).
 * Titles, greetings ("Dear", "Cher"), the ~1,500 commonest words ("Call Anna Weber") and month or weekday names stay out unless the
 * names step knows them as names ("The", "New", "May Day"; but "Will", "Hope").
 */
let parts: Set<string> | undefined;

/** Every given name and name part (folded); read on first use (~75 ms, ~5 MB heap) or at start-up. */
export function nameParts(): Set<string> {
  if (parts) return parts;
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve("@cspell/dict-people-names")), "dict", "people-names.txt");
  parts = new Set(
    readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => foldWord(line.trim())),
  );
  for (const name of lexicon().givenNames) parts.add(name);
  return parts;
}

/** A given name or name part of the lists, not a title, greeting, month, weekday or frequent word (unless a name word: "Hope"). */
export function isGivenNameWord(lower: string): boolean {
  const folded = foldWord(lower);
  if (TITLE.test(folded) || GREETING.test(folded) || calendarWords().has(folded)) return false;
  if (isFrequentWord(folded) && !NAME_WORDS.has(folded)) return false;
  return nameParts().has(folded);
}

/** `spans` with each person's span widened over such a given name before it. */
export function givenNameBefore(text: string, tokens: Token[], spans: Span[]): Span[] {
  if (!spans.some((s) => s.type === "PERSON")) return spans;
  const byEnd = new Map(tokens.map((t) => [t.end, t]));
  return spans.map((span) => {
    if (span.type !== "PERSON" || text[span.start - 1] !== " ") return span;
    const prev = byEnd.get(span.start - 1);
    // A contraction is no given name ("Hi, I'm Tadgh": the people-names list holds "I'm"'s letters as a name part).
    return prev?.capitalized && !CONTRACTION.test(prev.text) && isGivenNameWord(prev.lower)
      ? { ...span, start: prev.start }
      : span;
  });
}
