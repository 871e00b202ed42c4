import { readFileSync } from "node:fs";
import wordListPath from "word-list";

/**
 * An English dictionary (word-list: 274k words, no proper names), so a capitalized word that is
 * an ordinary English word ("Empire", "Actions", "Revolution") is not taken for a name just
 * because it is capitalized. compromise's lexicon knows verbs and adjectives but few nouns.
 * Loaded once, on first use (~3 MB).
 */
let words: Set<string> | null = null;

export function isEnglishWord(lower: string): boolean {
  words ??= new Set(readFileSync(wordListPath, "utf8").split("\n"));
  return words.has(lower);
}
