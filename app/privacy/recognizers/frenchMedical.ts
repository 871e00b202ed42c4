import { isCommonWord, isVeryCommonWord } from "../commonWords";
import { guessLanguage } from "../guessLanguage";
import { frenchConditions, type FrenchConditions } from "./frenchConditions";
import type { Recognizer, Span } from "./Recognizer";

/**
 * French conditions by their CIM-10 names (frenchConditions.ts), on folded text, in French text
 * only (the vocabulary is loaded the first time one is seen):
 * 1. a word that is a condition's name by itself: "zona", "thyroïdite", "coxarthrose";
 * 2. a head of condition names followed by words of the titles, one of them not among the 1,000
 *    commonest words: "syndrome du canal carpien", "fracture du poignet", "arrêt cardiaque" —
 *    not "arrêt de travail" or "Assurance Maladie" (no rarer title word after the head).
 */
const WORD = /(?<![A-Za-z'-])[A-Za-z][A-Za-z-]{2,}(?![A-Za-z])/g;
const NEXT_WORD = /\s+(?:(de la|de l'|d'|de|du|des|a la|a l'|au|aux|a)\s*)?([A-Za-z][A-Za-z-]*)/y;
/** Words after a head: "syndrome du canal carpien" has two. */
const MAX_WORDS_AFTER_HEAD = 3;

function isFrench(text: string, fallback: string): boolean {
  return (
    guessLanguage(
      text
        .slice(0, 1500)
        .toLowerCase()
        .split(/[^a-z']+/),
      fallback,
    ) === "fr"
  );
}

/** The word as listed: the titles name most conditions in the singular, some in the plural. */
function listed(set: Set<string>, lower: string): boolean {
  return set.has(lower) || (lower.endsWith("s") && set.has(lower.slice(0, -1)));
}

/** The end of a head's phrase, or -1 when no title word rarer than the 1,000 commonest follows it. */
function phraseEnd(text: string, from: number, vocabulary: FrenchConditions): number {
  let end = -1;
  let at = from;
  for (let n = 0; n < MAX_WORDS_AFTER_HEAD; n++) {
    NEXT_WORD.lastIndex = at;
    const m = NEXT_WORD.exec(text);
    const word = m?.[2]?.toLowerCase();
    // A function word or the commonest verbs end the name ("arrêt de travail est prolongé").
    if (!m || !word || isVeryCommonWord(word) || !listed(vocabulary.words, word)) break;
    at = NEXT_WORD.lastIndex;
    if (!isCommonWord(word)) end = at;
  }
  return end;
}

export const frenchMedical: Recognizer = (text, context) => {
  if (!isFrench(text, context.language)) return [];
  const vocabulary = frenchConditions();
  const spans: Span[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const lower = m[0].toLowerCase();
    if (listed(vocabulary.names, lower)) {
      spans.push({ start, end: start + m[0].length, type: "MEDICAL" });
      continue;
    }
    if (!listed(vocabulary.heads, lower)) continue;
    const end = phraseEnd(text, start + m[0].length, vocabulary);
    if (end > 0) spans.push({ start, end, type: "MEDICAL" });
  }
  return spans;
};
