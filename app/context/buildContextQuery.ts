import { STOP_WORDS } from "./stopWords";

/** More terms than this make the OR query slow without finding better passages. */
export const MAX_QUERY_TERMS = 32;

/** Word characters as the FTS5 unicode61 tokenizer sees them (letters, digits, private use). */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/**
 * Turns a user's message into a safe FTS5 MATCH expression: its distinct content words, each
 * quoted (so AND, NEAR(, *, ^, :, quotes or parentheses in the text are only words and can never
 * be a syntax error), joined by OR so a passage matching some of them still ranks by bm25.
 * Returns null when nothing is left to search for.
 */
export function buildContextQuery(text: string): string | null {
  const terms = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (STOP_WORDS.has(word) || ([...word].length < 2 && !/\p{N}/u.test(word))) continue;
    terms.add(word);
    if (terms.size === MAX_QUERY_TERMS) break;
  }
  if (terms.size === 0) return null;
  return [...terms].map((term) => `"${term.replaceAll('"', '""')}"`).join(" OR ");
}
