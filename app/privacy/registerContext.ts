import { isVocabularyWord } from "./commonWords";
import { detect } from "./detect";
import { guessLanguage } from "./guessLanguage";
import { isEnglishWord } from "./names/englishWords";
import { lexicon } from "./names/lexicon";
import { PUBLIC_NAMES, tokenize } from "./names/nameTokens";
import type { PrivacyVault } from "./PrivacyVault";
import type { DetectOptions } from "./types";

/**
 * Step 2's source: finds the private items in the conversation's private context (profile,
 * notes, attached documents) and registers them as context-derived terms, so they are caught
 * wherever they reappear — the local model's sketch is written from exactly this text.
 * Returns the number of new vault entries.
 *
 * Never registers everyday words ("square" of an address on a square, "a number", "Nummer"): the
 * app's own prompts and any ordinary reply contain them, and a vault term there would be replaced
 * everywhere — or make the egress gate refuse every request of the conversation.
 */
export function registerContext(vault: PrivacyVault, text: string, options: DetectOptions = {}): number {
  const before = vault.size;
  if (options.declaredTerms?.length) vault.registerTerms(options.declaredTerms, "declared");
  const detections = detect(text, vault, options);
  const found = detections.filter((d) => d.type !== "AGE" && !vault.find(d.text) && !isEverydayPhrase(d.text));
  vault.registerTerms(
    found.map((d) => ({ text: d.text, type: d.type })),
    "context",
  );
  vault.registerTerms(distinctiveWords(found), "context");
  vault.registerTerms(idDigits(found), "context");
  const covered = (start: number, end: number) => detections.some((d) => d.start < end && d.end > start);
  const rare = untypedTerms(text, options.locale ?? "en-US").filter(
    (t) => !covered(t.start, t.end) && !vault.find(t.text),
  );
  vault.registerTerms(
    rare.map((t) => ({ text: t.text, type: t.type })),
    "context",
  );
  return vault.size - before;
}

/**
 * One everyday word, or everyday words not all capitalized ("a number"); no digits or "@".
 * "Riverside Primary School" (everyday words, each capitalized) is a name and stays private.
 */
export function isEverydayPhrase(text: string): boolean {
  if (/[\p{N}@]/u.test(text)) return false;
  const words = text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const named = words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w));
  return !named && words.every((w) => isVocabularyWord(w.replace(/['’]s$/u, "")));
}

// Digit strings of 4+ digits and letter-digit codes ("jdoe84", "TR-448812"); years are dates, not ids.
const DIGITS = /(?<![\p{L}\p{N}])\d{4,}(?![\p{L}\p{N}])/gu;
const CODE =
  /(?<![\p{L}\p{N}_-])(?=[\p{L}\p{N}_-]*\d)(?=[\p{L}\p{N}_-]*\p{L})[\p{L}\p{N}][\p{L}\p{N}_-]{3,}(?![\p{L}\p{N}_-])/gu;
const YEAR = /^(?:19|20)\d\d$/;

interface UntypedTerm {
  text: string;
  type: "ID" | "OTHER";
  start: number;
  end: number;
}

/**
 * What no recognizer typed but still identifies the user once it reappears (issue 11, item 3):
 * digit strings, codes, and rare capitalized words mid-sentence ("Thistlewick") — a word in no
 * en/de/fr frequency list, not in the English dictionary, not a listed (public) place or
 * organisation. German text capitalizes every noun, so there only digits and codes count.
 */
export function untypedTerms(text: string, locale: string): UntypedTerm[] {
  const terms: UntypedTerm[] = [];
  for (const re of [DIGITS, CODE]) {
    for (const m of text.matchAll(re))
      if (!YEAR.test(m[0]) && /\d{2}/.test(m[0]))
        terms.push({ text: m[0], type: "ID", start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  const tokens = tokenize(text);
  if (
    guessLanguage(
      tokens.map((t) => t.lower),
      locale.slice(0, 2).toLowerCase(),
    ) === "de"
  )
    return terms;
  const lex = lexicon();
  for (const t of tokens) {
    if (!t.capitalized || t.sentenceStart || t.text.length < 4 || /^\p{Lu}+$/u.test(t.text)) continue;
    if (
      isVocabularyWord(t.lower) ||
      isEnglishWord(t.lower) ||
      PUBLIC_NAMES.has(t.lower) ||
      lex.places.has(t.lower) ||
      lex.orgs.has(t.lower)
    )
      continue;
    terms.push({ text: t.text, type: "OTHER", start: t.start, end: t.end });
  }
  return terms;
}

/**
 * "2741985" of "CAF 2741985": an id found with the letters of its cue or issuer is re-typed
 * without them ("my number is 2741985"); the digits (5+) alone identify the user too.
 */
function idDigits(found: ReadonlyArray<{ text: string; type: string }>): Array<{ text: string; type: "ID" }> {
  const out: Array<{ text: string; type: "ID" }> = [];
  for (const d of found) {
    const digits = d.type === "ID" && /\p{L}/u.test(d.text) ? /\d[\d\s./-]*\d/.exec(d.text)?.[0] : undefined;
    if (digits && digits.replace(/\D/g, "").length >= 5 && digits !== d.text) out.push({ text: digits, type: "ID" });
  }
  return out;
}

/**
 * "Castlebrook" of "Castlebrook Analytics Ltd", "Larkfield" of "Larkfield Medical Practice":
 * the rare word of an organisation's or place's name identifies it alone ("I left castlebrook").
 * Person names already answer to their parts (the vault's variants).
 */
function distinctiveWords(
  found: ReadonlyArray<{ text: string; type: string }>,
): Array<{ text: string; type: "ORG" | "LOCATION" }> {
  const out: Array<{ text: string; type: "ORG" | "LOCATION" }> = [];
  for (const d of found) {
    if (d.type !== "ORG" && d.type !== "LOCATION") continue;
    const words = d.text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
    if (words.length < 2) continue;
    for (const word of words) {
      if (
        word.length >= 4 &&
        !isVocabularyWord(word) &&
        !isEnglishWord(word.toLowerCase()) &&
        !PUBLIC_NAMES.has(word.toLowerCase())
      )
        out.push({ text: word, type: d.type });
    }
  }
  return out;
}
