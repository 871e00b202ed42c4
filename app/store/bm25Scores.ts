import type { SearchTerm } from "./parseSearchQuery";
import { tokenize } from "./tokenize";

/** BM25 parameters, the same defaults FTS5's bm25() uses. */
const K1 = 1.2;
const B = 0.75;

export interface CorpusStats {
  /** How many messages there are in all. */
  totalDocs: number;
  /** For each query term, in how many messages it occurs (may be an estimate). */
  docFrequency: number[];
}

/**
 * Okapi BM25 for each document (higher = better match), as FTS5's bm25() computes it, but with
 * corpus statistics passed in: FTS5 counts a term's documents by reading its whole index entry
 * on every query, which takes hundreds of milliseconds for a common word in a million messages.
 * The average length is that of the given documents (the candidates), a fair stand-in.
 */
export function bm25Scores(documents: readonly string[], terms: readonly SearchTerm[], corpus: CorpusStats): number[] {
  const tokenized = documents.map(tokenize);
  const avgLength = tokenized.reduce((sum, t) => sum + t.length, 0) / Math.max(1, tokenized.length) || 1;
  const idf = terms.map((_, i) => inverseDocFrequency(corpus.totalDocs, corpus.docFrequency[i] ?? 0));
  return tokenized.map((tokens) => {
    const norm = K1 * (1 - B + (B * tokens.length) / avgLength);
    return terms.reduce((score, term, i) => {
      const tf = occurrences(tokens, term);
      return score + (idf[i]! * tf * (K1 + 1)) / (tf + norm);
    }, 0);
  });
}

/** The "+1" form stays positive even for a word found in most messages. */
function inverseDocFrequency(totalDocs: number, docFrequency: number): number {
  const n = Math.min(docFrequency, totalDocs);
  return Math.log(1 + (totalDocs - n + 0.5) / (n + 0.5));
}

/** How often the term's tokens occur in sequence; the last one as a prefix if the term is one. */
export function occurrences(tokens: readonly string[], term: SearchTerm): number {
  const want = term.tokens;
  if (want.length === 0) return 0;
  let count = 0;
  for (let i = 0; i + want.length <= tokens.length; i++) {
    if (matchesAt(tokens, i, want, term.prefix)) count++;
  }
  return count;
}

function matchesAt(tokens: readonly string[], start: number, want: readonly string[], prefix: boolean): boolean {
  const last = want.length - 1;
  for (let j = 0; j < last; j++) if (tokens[start + j] !== want[j]) return false;
  const token = tokens[start + last]!;
  return prefix ? token.startsWith(want[last]!) : token === want[last];
}
