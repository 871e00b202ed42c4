import type { Span } from "../recognizers/Recognizer";
import { isEnglishWord } from "./englishWords";
import { isLastName, isOrdinary } from "./nameTokens";

/**
 * Initials before a surname: "J.R. Smith", "A. B. Okafor", "J.K. Rowling". The initials say
 * a name follows, so any capitalized word that is a listed surname or no ordinary word counts;
 * everyday and dictionary words after initials stay ("U.S. Army", "P.S. Thanks").
 */
const INITIALS_THEN_WORD =
  /(?<![\p{L}\p{N}.])((?:\p{Lu}\.[ \u00a0]?){1,3})(\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?)(?![\p{L}\p{N}])/gu;

export function initialNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(INITIALS_THEN_WORD)) {
    const word = m[2] as string;
    const lower = word.toLowerCase();
    const surname = isLastName(lower) || (!isOrdinary(lower) && !isEnglishWord(lower));
    if (!surname) continue;
    const start = m.index ?? 0;
    spans.push({ start, end: start + m[0].length, type: "PERSON" });
  }
  return spans;
}
