/**
 * Text folding and tokens as the FTS5 `unicode61 remove_diacritics 2` tokenizer sees them, for
 * the scripts people mostly type: letters, digits and private-use characters form words; case
 * and accents are folded ("Café" → "cafe").
 *
 * Only ranking depends on this (FTS5 itself decides what matches), so a difference in an
 * exotic script changes a score, never whether a message is found. One known difference:
 * unicode61 treats combining marks inside a word as separators, we drop them.
 */
export const TOKEN_CHAR = String.raw`[\p{L}\p{N}\p{Co}]`;
export const SEPARATOR_CHAR = String.raw`[^\p{L}\p{N}\p{Co}]`;
const TOKEN = new RegExp(`${TOKEN_CHAR}+`, "gu");
const NON_ASCII = /[^\p{ASCII}]/u;
const COMBINING_MARK = /\p{M}/gu;

/** Lower case without accents. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // NFD + dropping marks is the slow part; most chat text is ASCII and needs neither.
  return NON_ASCII.test(lower) ? lower.normalize("NFD").replace(COMBINING_MARK, "") : lower;
}

export function tokenize(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
}

/** True if `text` contains at least one character that can be part of a token. */
export function hasToken(text: string): boolean {
  return new RegExp(TOKEN_CHAR, "u").test(text);
}
