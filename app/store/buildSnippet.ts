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
    ? Math.max(0, Math.min(bestStart(matches, size), tokens.length - size))
    : bestStart(matches, size);
  const end = Math.min(start + size, tokens.length) - 1;
  const from = start === 0 ? 0 : tokens[start]!.start;
  const to = complete && end === tokens.length - 1 ? text.length : tokens[end]!.end;
  const inside = matches.filter((m) => m.first >= start && m.last <= end);
  return `${from > 0 ? "…" : ""}${highlight(text, from, to, inside, tokens)}${to < text.length ? "…" : ""}`;
}

/**
 * The tokens up to `size` past the MAX_MATCHES-th match, and the matches among them;
 * `complete` if that reached the end of the text.
 */
function scan(text: string, terms: readonly SearchTerm[], size: number) {
  const tokens: TokenSpan[] = [];
  const matches: Match[] = [];
  let stopAt = Infinity;
  for (const span of tokenSpans(text)) {
    if (tokens.length === stopAt) return { tokens, matches, complete: false };
    tokens.push(span);
    for (const match of matchesEndingAt(tokens, terms)) {
      matches.push(match);
      if (matches.length === MAX_MATCHES) stopAt = tokens.length + size;
    }
  }
  return { tokens, matches, complete: true };
}

/** Terms whose last token is the newest token (checked once per token as the scan goes). */
function matchesEndingAt(tokens: readonly TokenSpan[], terms: readonly SearchTerm[]): Match[] {
  const last = tokens.length - 1;
  const found: Match[] = [];
  terms.forEach((term, index) => {
    const n = term.tokens.length;
    const first = last - n + 1;
    if (n === 0 || first < 0) return;
    const ok = term.tokens.every((want, j) =>
      j === n - 1 && term.prefix ? tokens[first + j]!.token.startsWith(want) : tokens[first + j]!.token === want,
    );
    if (ok) found.push({ first, last, term: index });
  });
  return found;
}

/** Where the window starts: a little before the match that opens the best window; the earliest wins a tie. */
function bestStart(matches: readonly Match[], size: number): number {
  let best = { start: 0, score: -1 };
  for (const match of matches) {
    const start = Math.max(0, match.first - LEAD_TOKENS);
    const inside = matches.filter((m) => m.first >= start && m.last < start + size);
    const score = new Set(inside.map((m) => m.term)).size * (MAX_MATCHES + 1) + inside.length;
    if (score > best.score) best = { start, score };
  }
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
