import type { SearchTerm } from "./parseSearchQuery";
import { ASCII_SEPARATOR_CHAR, ASCII_TOKEN_CHAR, fold, isAscii, SEPARATOR_CHAR, TOKEN_CHAR } from "./tokenize";

/** BM25 parameters, the same defaults FTS5's bm25() uses. */
const K1 = 1.2;
const B = 0.75;

export interface ScoredDocument {
  /** The text to look for the terms in (may be only the start of a long message). */
  text: string;
  /** The whole message's length in characters. */
  length: number;
}

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
 *
 * Two cheap stand-ins, both harmless to the order: length is measured in characters rather
 * than tokens (BM25 only uses it relative to the average), and the average is that of the
 * given documents (the candidates) rather than of every message.
 */
export function bm25Scores(
  documents: readonly ScoredDocument[],
  terms: readonly SearchTerm[],
  corpus: CorpusStats,
): number[] {
  const avgLength = documents.reduce((sum, d) => sum + d.length, 0) / Math.max(1, documents.length) || 1;
  const idf = terms.map((_, i) => inverseDocFrequency(corpus.totalDocs, corpus.docFrequency[i] ?? 0));
  const matchers = terms.map(termMatcher);
  return documents.map((document) => {
    const ascii = isAscii(document.text);
    const text = ascii ? document.text.toLowerCase() : fold(document.text);
    const norm = K1 * (1 - B + (B * document.length) / avgLength);
    return matchers.reduce((score, matcher, i) => {
      const tf = countMatches(ascii ? matcher.ascii : matcher.unicode(), text);
      return score + (idf[i]! * tf * (K1 + 1)) / (tf + norm);
    }, 0);
  });
}

/** The "+1" form stays positive even for a word found in most messages. */
function inverseDocFrequency(totalDocs: number, docFrequency: number): number {
  const n = Math.min(docFrequency, totalDocs);
  return Math.log(1 + (totalDocs - n + 0.5) / (n + 0.5));
}

/**
 * A regex finding the term in folded text: its tokens as whole words, in sequence with only
 * separators between them, the last one open-ended if the term is a prefix. Counting regex
 * matches is several times faster than splitting every candidate into tokens.
 */
export function termPattern(term: SearchTerm): RegExp | null {
  if (term.tokens.length === 0) return null;
  const body = term.tokens.map(escapeRegExp).join(`${SEPARATOR_CHAR}+`);
  const end = term.prefix ? "" : `(?!${TOKEN_CHAR})`;
  return new RegExp(`(?<!${TOKEN_CHAR})${body}${end}`, "gu");
}

/**
 * The same pattern for ASCII text (see ASCII_TOKEN_CHAR), which finds exactly what termPattern
 * finds there. A term with non-ASCII letters matches no ASCII text with either.
 */
export function asciiTermPattern(term: SearchTerm): RegExp | null {
  if (term.tokens.length === 0) return null;
  const body = term.tokens.map(escapeRegExp).join(`${ASCII_SEPARATOR_CHAR}+`);
  const end = term.prefix ? "" : `(?!${ASCII_TOKEN_CHAR})`;
  return new RegExp(`(?<!${ASCII_TOKEN_CHAR})${body}${end}`, "g");
}

/** Both patterns of a term; the Unicode one is compiled only if a candidate needs it. */
function termMatcher(term: SearchTerm): { ascii: RegExp | null; unicode: () => RegExp | null } {
  let unicode: RegExp | null | undefined;
  return { ascii: asciiTermPattern(term), unicode: () => (unicode ??= termPattern(term)) };
}

function countMatches(pattern: RegExp | null, text: string): number {
  if (pattern === null) return 0;
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
