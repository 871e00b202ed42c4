/**
 * Fuzzy filtering for the command palette: the query's letters must appear in the text in order
 * ("nwcv" finds "New conversation"), case- and space-insensitive. Matches at word starts and in
 * runs score higher, so "op set" ranks "Open Settings" above "Stop the answer".
 */

const WORD_START = 8;
const RUN = 5;
const FIRST_LETTER = 6;
const SUBSTRING = 20;

/** Higher is better; null when the text does not contain the query's letters in order. */
export function fuzzyScore(query: string, text: string): number | null {
  const needle = query.toLowerCase().replace(/\s+/g, "");
  if (needle === "") return 0;
  const haystack = text.toLowerCase();
  let score = haystack.includes(query.toLowerCase().trim()) ? SUBSTRING : 0;
  let from = 0;
  let previous = -2;
  for (const char of needle) {
    const index = haystack.indexOf(char, from);
    if (index === -1) return null;
    if (index === 0) score += FIRST_LETTER;
    if (index === previous + 1) score += RUN;
    else if (isWordStart(haystack, index)) score += WORD_START;
    else score -= Math.min(index - from, 5);
    previous = index;
    from = index + 1;
  }
  // Between equal matches, the shorter text is the closer one.
  return score - haystack.length / 100;
}

function isWordStart(text: string, index: number): boolean {
  return index === 0 || /[\s\-_/.:(“"']/.test(text[index - 1]!);
}

/** The items whose text matches, best first; ties keep their order. */
export function rankMatches<T>(query: string, items: readonly T[], textOf: (item: T) => string): T[] {
  const scored = items.map((item, order) => ({ item, order, score: fuzzyScore(query, textOf(item)) }));
  return scored
    .filter((s): s is { item: T; order: number; score: number } => s.score !== null)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((s) => s.item);
}
