/**
 * Splits text into search tokens the way the FTS5 `unicode61 remove_diacritics 2` tokenizer
 * does for the scripts people mostly type: letters, digits and private-use characters form
 * words; case and accents are folded ("Café" → "cafe").
 *
 * Only ranking depends on this (FTS5 itself decides what matches), so a difference in an
 * exotic script changes a score, never whether a message is found. One known difference:
 * unicode61 treats combining marks inside a word as separators, we drop them.
 */
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARK = /\p{M}/gu;

export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  // NFD + dropping marks is the slow part; most chat text is ASCII and needs neither.
  const folded = NON_ASCII.test(lower) ? lower.normalize("NFD").replace(COMBINING_MARK, "") : lower;
  return folded.match(TOKEN) ?? [];
}

/** True if `text` contains at least one character that can be part of a token. */
export function hasToken(text: string): boolean {
  return /[\p{L}\p{N}\p{Co}]/u.test(text);
}
