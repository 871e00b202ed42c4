import { isVocabularyWord } from "../commonWords";
import type { Span } from "../recognizers/Recognizer";
import { isEnglishWord } from "./englishWords";
import { isListedOrdinary, type Token } from "./nameTokens";

/**
 * A lowercase word no dictionary knows, right after a word that introduces a name — "the company
 * rostelecom", "bought from 'copart'", "an app called blinkit": in chat, organisations and
 * products are often written in lowercase. English text only (the dictionary is English).
 */
const INTRODUCES = new Set(
  "company firm brand app platform website site startup called named from at joined".split(" "),
);

function unknownWord(t: Token): boolean {
  return (
    t.text.length >= 4 &&
    /^\p{Ll}+$/u.test(t.text) &&
    !isEnglishWord(t.lower) &&
    !isVocabularyWord(t.lower) &&
    !isListedOrdinary(t.lower)
  );
}

export function lowercaseNamed(text: string, tokens: Token[], language: string): Span[] {
  if (language !== "en") return [];
  const spans: Span[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const before = tokens[i - 1] as Token;
    // The set lookup first: most words follow no introducing word, and the dictionary tests cost more.
    if (!INTRODUCES.has(before.lower) || !unknownWord(t) || !/^\s+['"‘“]?$/u.test(text.slice(before.end, t.start)))
      continue;
    spans.push({ start: t.start, end: t.end, type: "ORG" });
  }
  return spans;
}
