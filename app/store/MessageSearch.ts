import type Database from "better-sqlite3";
import type { MessageRole, SearchHit } from "../contract/types";
import { bm25Scores, type CorpusStats } from "./bm25Scores";
import { buildSnippet } from "./buildSnippet";
import { parseSearchQuery, type SearchTerm } from "./parseSearchQuery";

/**
 * How many of the newest matching messages are ranked. Ranking reads each candidate's text, so
 * this bounds a search's cost however common its words are. When fewer messages match, every
 * match is ranked; when more do (a very common word in a long history), the best matches among
 * the newest RANK_WINDOW are shown.
 *
 * Why 200 (was 500): in the encrypted store each candidate's row is a page to decrypt the first
 * time it is read, scattered over the file; at 1M messages 500 → 200 cut search p50 from 6.4 to
 * 4.5 ms and the first (cold) round by a quarter; 100 saved little more (docs/BENCHMARKS.md,
 * "Store search, encrypted"). Still four times the 50 results a search shows.
 */
export const RANK_WINDOW = 200;
/** Matches sampled to estimate how common a term is (see `extrapolate`). */
const DF_SAMPLE = 200;
/**
 * Ranking looks for the terms in the first this-many characters of a message: a 200,000-char
 * paste among the candidates should not make every search read all of it.
 */
const SCORED_CHARS = 20_000;
/** The longest prefix the FTS5 prefix indexes cover (migration 008: prefix='3 4 5 6 7'). */
const INDEXED_PREFIX_CHARS = 7;

interface HitRow {
  pk: number;
  id: string;
  conversation_id: string;
  title: string;
  role: MessageRole;
  created_at: number;
  content: string;
}

function toHit(row: HitRow, terms: readonly SearchTerm[]): SearchHit {
  return {
    conversationId: row.conversation_id,
    conversationTitle: row.title,
    messageId: row.id,
    role: row.role,
    snippet: buildSnippet(row.content, terms),
    createdAt: row.created_at,
  };
}

/**
 * Full-text search over messages. FTS5 finds the matches, newest first, in one pass that stops
 * after RANK_WINDOW; BM25 ranks them; the best get a highlighted snippet.
 *
 * Why not FTS5's own `ORDER BY rank`: bm25() counts each term's documents by reading the term's
 * whole index entry, and every match is scored before the first is returned — 0.2-4 s for a
 * common word in a million messages (docs/BENCHMARKS.md). Here the cost is bounded by the window.
 */
export class MessageSearch {
  private readonly candidatesStmt;
  private readonly sampleStmt;
  private readonly totalStmt;
  private readonly hitsStmt;

  constructor(db: Database.Database) {
    this.candidatesStmt = db.prepare<[string, number], { pk: number; text: string; length: number }>(
      `SELECT f.rowid AS pk, substr(m.content, 1, ${SCORED_CHARS}) AS text, length(m.content) AS length
       FROM messages_fts f JOIN messages m ON m.pk = f.rowid
       WHERE messages_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`,
    );
    this.sampleStmt = db.prepare<[string, number], { n: number; oldest: number | null }>(
      `SELECT count(*) AS n, min(rowid) AS oldest
       FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`,
    );
    // max(pk) stands in for count(*), which would scan the whole table; deletions make it a
    // slight overestimate, which only nudges every term's weight the same way.
    this.totalStmt = db.prepare<[], number | null>("SELECT max(pk) FROM messages").pluck();
    this.hitsStmt = db.prepare<[string], HitRow>(
      `SELECT m.pk, m.id, m.conversation_id, c.title, m.role, m.created_at, m.content
       FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.pk IN (SELECT value FROM json_each(?)) AND m.chosen = 1`, // a hidden variant cannot be opened
    );
  }

  /** Best matches first; ties go to the newer message. Empty or punctuation-only text finds nothing. */
  search(text: string, limit = 50): SearchHit[] {
    const query = parseSearchQuery(text);
    if (query === null || limit <= 0) return [];
    const window = Math.max(RANK_WINDOW, limit);
    const candidates = this.candidatesStmt.all(query.match, window);
    if (candidates.length === 0) return [];
    const scores = bm25Scores(candidates, query.terms, this.corpusStats(query.terms, candidates, window));
    const best = candidates
      .map((c, i) => ({ pk: c.pk, score: scores[i]! }))
      .sort((a, b) => b.score - a.score || b.pk - a.pk)
      .slice(0, limit)
      .map((c) => c.pk);
    const rows = new Map(this.hitsStmt.all(JSON.stringify(best)).map((row) => [row.pk, row]));
    return best.flatMap((pk) => (rows.has(pk) ? [toHit(rows.get(pk)!, query.terms)] : []));
  }

  private corpusStats(
    terms: readonly SearchTerm[],
    candidates: readonly { pk: number }[],
    window: number,
  ): CorpusStats {
    const totalDocs = this.totalStmt.get() ?? 0;
    if (terms.length === 1) {
      // The candidates are this term's newest matches already: no need to sample again.
      const oldest = Math.min(...candidates.map((c) => c.pk));
      return { totalDocs, docFrequency: [extrapolate(candidates.length, oldest, window, totalDocs)] };
    }
    return {
      totalDocs,
      docFrequency: terms.map((term) => {
        const { n, oldest } = this.sampleStmt.get(samplePhrase(term), DF_SAMPLE)!;
        return extrapolate(n, oldest ?? 0, DF_SAMPLE, totalDocs);
      }),
    };
  }
}

/**
 * The phrase whose matches are sampled for a term. A prefix longer than the prefix indexes is
 * sampled by its indexed start ("meetings"* by "meeting"*): FTS5 would otherwise merge the entries
 * of every word it expands to. That overcounts a little, which only weighs the term a bit less.
 */
function samplePhrase(term: SearchTerm): string {
  const last = [...(term.tokens.at(-1) ?? "")];
  if (!term.prefix || last.length <= INDEXED_PREFIX_CHARS) return term.fts;
  return `"${[...term.tokens.slice(0, -1), last.slice(0, INDEXED_PREFIX_CHARS).join("")].join(" ")}"*`;
}

/**
 * In how many messages a term occurs, from its `n` newest matches (asked for `sample`), the
 * oldest of which is `oldest`. Exact when there were fewer than asked; otherwise extrapolated
 * from how densely those matches are packed among the newest messages — a few index reads
 * instead of the term's whole index entry, and plenty for ranking.
 */
function extrapolate(n: number, oldest: number, sample: number, totalDocs: number): number {
  if (n < sample) return n;
  return Math.min(totalDocs, (n * totalDocs) / Math.max(1, totalDocs - oldest + 1));
}
