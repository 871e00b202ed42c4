import { HIGHLIGHT_END, HIGHLIGHT_START } from "../contract/types";
import type { SearchTerm } from "./parseSearchQuery";
import { tokenSpans, type TokenSpan } from "./tokenize";

/** Words in a snippet, as FTS5's snippet() counts them. */
export const SNIPPET_TOKENS = 12;
/** Matches to choose the best window from; a huge message needs no more. */
const MAX_MATCHES = 64;
/** Words of context kept before the first match in the window. */
const LEAD_TOKENS = 3;

interface Match {
  first: number;
  last: number;
  term: number;
}

/**
 * A short excerpt of `text` around its best match — the window of SNIPPET_TOKENS words holding
 * the most different terms, then the most matches — with every match wrapped in the HIGHLIGHT
 * markers and "…" where text was cut. What FTS5's snippet() makes, built here because that
 * function only runs inside a second FTS5 query, which would expand a prefix term again.
 */
export function buildSnippet(text: string, terms: readonly SearchTerm[], size = SNIPPET_TOKENS): string {
  const { tokens, matches, complete } = scan(text, terms, size);
  if (tokens.length === 0) return "";
  // Near the end of a text, move the window back so it still shows `size` words.
  const start = complete
    ? Math.max(0, Math.min(bestStart(matches, size, terms.length), tokens.length - size))
    : bestStart(matches, size, terms.length);
  const end = Math.min(start + size, tokens.length) - 1;
  const from = start === 0 ? 0 : tokens[start]!.start;
  const to = complete && end === tokens.length - 1 ? text.length : tokens[end]!.end;
  const inside = matches.filter((m) => m.first >= start && m.last <= end);
  return `${from > 0 ? "…" : ""}${highlight(text, from, to, inside, tokens)}${to < text.length ? "…" : ""}`;
}

/**
 * The tokens up to `size` past the MAX_MATCHES-th match, and the matches among them;
 * `complete` if that reached the end of the text.
 *
 * Why plain loops that allocate nothing per token: a search builds 50 snippets over thousands of
 * tokens, and the first search after a start runs this before V8 has compiled it — with a
 * closure and an array per token that first search spent ~25 ms here (docs/BENCHMARKS.md).
 */
function scan(text: string, terms: readonly SearchTerm[], size: number) {
  const tokens: TokenSpan[] = [];
  const matches: Match[] = [];
  let stopAt = Infinity;
  for (const span of tokenSpans(text)) {
    if (tokens.length === stopAt) return { tokens, matches, complete: false };
    tokens.push(span);
    const last = tokens.length - 1;
    for (let term = 0; term < terms.length; term++) {
      if (!endsWithTerm(tokens, terms[term]!)) continue;
      matches.push({ first: last - terms[term]!.tokens.length + 1, last, term });
      if (matches.length === MAX_MATCHES) stopAt = tokens.length + size;
    }
  }
  return { tokens, matches, complete: true };
}

/** Whether the newest tokens are the term's (its last one as a prefix if the term is one). */
function endsWithTerm(tokens: readonly TokenSpan[], term: SearchTerm): boolean {
  const n = term.tokens.length;
  const first = tokens.length - n;
  if (n === 0 || first < 0) return false;
  // From the last token back: almost every token fails at once.
  for (let j = n - 1; j >= 0; j--) {
    const token = tokens[first + j]!.token;
    const want = term.tokens[j]!;
    if (j === n - 1 && term.prefix ? !token.startsWith(want) : token !== want) return false;
  }
  return true;
}

/** Where the window starts: a little before the match that opens the best window; the earliest wins a tie. */
function bestStart(matches: readonly Match[], size: number, termCount: number): number {
  let best = { start: 0, score: -1 };
  const seenBy = new Int32Array(termCount).fill(-1); // per term, the last window (match index) that counted it
  matches.forEach((match, window) => {
    const start = Math.max(0, match.first - LEAD_TOKENS);
    let count = 0;
    let distinct = 0;
    for (const m of matches) {
      if (m.first < start || m.last >= start + size) continue;
      count++;
      if (seenBy[m.term] !== window) distinct++;
      seenBy[m.term] = window;
    }
    const score = distinct * (MAX_MATCHES + 1) + count;
    if (score > best.score) best = { start, score };
  });
  return best.start;
}

/** The text between `from` and `to` with each match (overlaps merged) wrapped in the markers. */
function highlight(
  text: string,
  from: number,
  to: number,
  matches: readonly Match[],
  tokens: readonly TokenSpan[],
): string {
  const spans = matches
    .map((m) => ({ start: tokens[m.first]!.start, end: tokens[m.last]!.end }))
    .sort((a, b) => a.start - b.start);
  let out = "";
  let at = from;
  for (let i = 0; i < spans.length; i++) {
    const start = Math.max(spans[i]!.start, at);
    let end = spans[i]!.end;
    while (i + 1 < spans.length && spans[i + 1]!.start <= end) end = Math.max(end, spans[++i]!.end);
    out += text.slice(at, start) + HIGHLIGHT_START + text.slice(start, end) + HIGHLIGHT_END;
    at = end;
  }
  return out + text.slice(at, to);
}
