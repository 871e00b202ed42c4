/**
 * Tokens as the FTS5 `unicode61 remove_diacritics 2` tokenizer sees them, for the scripts people
 * mostly type: runs of letters, digits and private-use characters are words (anything else,
 * combining marks included, separates them); case and accents are folded ("Café" → "cafe").
 *
 * FTS5 alone decides what matches; these only rank the matches and place their highlights, so
 * a difference in some exotic script moves a result or a highlight, never loses one.
 */
export const TOKEN_CHAR = String.raw`[\p{L}\p{N}\p{Co}]`;
export const SEPARATOR_CHAR = String.raw`[^\p{L}\p{N}\p{Co}]`;
/**
 * The same two classes for ASCII text, where they are exactly these (no ASCII character is in
 * \p{Co}). Most chat text is ASCII, and a search scans the text of hundreds of messages: these
 * plain classes need no Unicode tables, so V8 compiles a pattern built from them in microseconds
 * (a \p{…} one takes ~0.5 ms, once per new search term) and runs it several times faster.
 */
export const ASCII_TOKEN_CHAR = "[A-Za-z0-9]";
export const ASCII_SEPARATOR_CHAR = "[^A-Za-z0-9]";
/** Any UTF-16 unit outside ASCII. Without the `u` flag: the same answer, several times faster. */
const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARK = /\p{M}/gu;

export interface TokenSpan {
  /** Where the token starts and ends in the original text (UTF-16 offsets). */
  start: number;
  end: number;
  /** The folded token. */
  token: string;
}

/** Whether `text` is all ASCII, where folding is lower-casing and keeps every offset. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Lower case without accents. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // NFD + dropping marks is the slow part; most chat text is ASCII and needs neither.
  return NON_ASCII.test(lower) ? lower.normalize("NFD").replace(COMBINING_MARK, "") : lower;
}

/** The text's tokens in order, lazily: a caller may stop early in a long text. */
export function* tokenSpans(text: string): Generator<TokenSpan> {
  if (isAscii(text)) {
    // Folded once for the whole text: per token, folding cost more than finding the token.
    const folded = text.toLowerCase();
    const ascii = new RegExp(`${ASCII_TOKEN_CHAR}+`, "g");
    for (let m = ascii.exec(folded); m !== null; m = ascii.exec(folded)) {
      yield { start: m.index, end: m.index + m[0].length, token: m[0] };
    }
    return;
  }
  const pattern = new RegExp(`${TOKEN_CHAR}+`, "gu");
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    yield { start: m.index, end: m.index + m[0].length, token: fold(m[0]) };
  }
}

export function tokenize(text: string): string[] {
  return Array.from(tokenSpans(text), (span) => span.token);
}

/** True if `text` contains at least one character that can be part of a token. */
export function hasToken(text: string): boolean {
  return new RegExp(TOKEN_CHAR, "u").test(text);
}
