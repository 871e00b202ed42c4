import { isVocabularyWord } from "../commonWords";

/**
 * German writes a condition as one compound whose last part is the condition ("Kniearthrose",
 * "Beinvenenthrombose", "Schilddrüsenkarzinom"): the modifier names the body part. The parts
 * the medical recognizer knows on their own (English dictionary entries, de/fr cognates, drug
 * stems) are found inside such a compound by trying each split from the left. A head must be
 * long enough to be a word of its own, and the compound must not be everyday vocabulary.
 */
const MIN_MODIFIER = 3;
const MIN_HEAD = 7;

/** The start (within `word`) of a medical head of the compound, or -1. */
export function compoundHeadStart(word: string, isMedicalHead: (lowerHead: string) => boolean): number {
  const lower = word.toLowerCase();
  if (lower.length < MIN_MODIFIER + MIN_HEAD || isVocabularyWord(lower)) return -1;
  for (let i = MIN_MODIFIER; i <= lower.length - MIN_HEAD; i++) {
    // German links the parts with -s-/-n-/-en- ("Schilddrüsen|karzinom"): the head itself starts after them.
    if (isMedicalHead(lower.slice(i))) return i;
  }
  return -1;
}
