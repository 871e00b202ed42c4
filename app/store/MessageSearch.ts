import type Database from "better-sqlite3";
import { HIGHLIGHT_END, HIGHLIGHT_START, type MessageRole, type SearchHit } from "../contract/types";
import { bm25Scores, type CorpusStats } from "./bm25Scores";
import { parseSearchQuery, type SearchTerm } from "./parseSearchQuery";

/**
 * How many of the newest matching messages are ranked. Ranking reads each candidate's text, so
 * this bounds a search's cost however common its words are. When fewer messages match, every
 * match is ranked; when more do (a very common word in a long history), the best matches among
 * the newest RANK_WINDOW are shown.
 */
export const RANK_WINDOW = 500;
/** Matches sampled to estimate how common a term is (see estimateDocFrequency). */
const DF_SAMPLE = 200;
/**
 * Ranking looks for the terms in the first this-many characters of a message: a 200,000-char
 * paste among the candidates should not make every search read all of it.
 */
const SCORED_CHARS = 20_000;
/** Words of context around the match in a snippet. */
const SNIPPET_TOKENS = 12;

interface HitRow {
  pk: number;
  id: string;
  conversation_id: string;
  title: string;
  role: MessageRole;
  created_at: number;
  snippet: string;
}

function toHit(row: HitRow): SearchHit {
  return {
    conversationId: row.conversation_id,
    conversationTitle: row.title,
    messageId: row.id,
    role: row.role,
    snippet: row.snippet,
    createdAt: row.created_at,
  };
}

/**
 * Full-text search over messages: FTS5 finds the matches (newest first, stopping after
 * RANK_WINDOW), BM25 ranks them, FTS5's snippet() highlights the best ones.
 */
export class MessageSearch {
  private readonly candidatesStmt;
  private readonly sampleStmt;
  private readonly totalStmt;
  private readonly hitsStmt;

  constructor(db: Database.Database) {
    this.candidatesStmt = db.prepare<[string, number], { pk: number; text: string; length: number }>(
      `SELECT pk, substr(content, 1, ${SCORED_CHARS}) AS text, length(content) AS length FROM messages
       WHERE pk IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`,
    );
    this.sampleStmt = db.prepare<[string, number], { n: number; oldest: number | null }>(
      `SELECT count(*) AS n, min(rowid) AS oldest
       FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`,
    );
    // max(pk) stands in for count(*), which would scan the whole table; deletions make it a
    // slight overestimate, which only nudges every term's weight the same way.
    this.totalStmt = db.prepare<[], number | null>("SELECT max(pk) FROM messages").pluck();
    // The chosen hits are among the newest matches, so one newest-first FTS5 scan that stops
    // when it has them all is the cheap way to reach them (snippet() needs the FTS5 cursor).
    // Not `rowid IN (…)` as the FTS5 constraint: that is one lookup per hit, and each expands a
    // prefix term again; nor a rowid range: FTS5 seeks slowly in a common word's long entry.
    // The unary + keeps SQLite from handing the IN list to FTS5.
    this.hitsStmt = db.prepare<[string, string, number], HitRow>(
      `SELECT f.rowid AS pk, m.id, m.conversation_id, c.title, m.role, m.created_at,
              snippet(messages_fts, 0, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', ${SNIPPET_TOKENS}) AS snippet
       FROM messages_fts f
       JOIN messages m ON m.pk = f.rowid
       JOIN conversations c ON c.id = m.conversation_id
       WHERE messages_fts MATCH ? AND +f.rowid IN (SELECT value FROM json_each(?))
       ORDER BY f.rowid DESC
       LIMIT ?`,
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
      .slice(0, limit);
    return this.hits(query.match, best.map((b) => b.pk));
  }

  /** The hits for `pks`, in that order, with their snippets. */
  private hits(match: string, pks: number[]): SearchHit[] {
    const rows = this.hitsStmt.all(match, JSON.stringify(pks), pks.length);
    const byPk = new Map(rows.map((r) => [r.pk, r]));
    return pks.flatMap((pk) => (byPk.has(pk) ? [toHit(byPk.get(pk)!)] : []));
  }

  private corpusStats(terms: readonly SearchTerm[], candidates: readonly { pk: number }[], window: number): CorpusStats {
    const totalDocs = this.totalStmt.get() ?? 0;
    if (terms.length === 1) {
      // The candidates are this term's newest matches already: no need to sample again.
      const oldest = Math.min(...candidates.map((c) => c.pk));
      return { totalDocs, docFrequency: [extrapolate(candidates.length, oldest, window, totalDocs)] };
    }
    return { totalDocs, docFrequency: terms.map((term) => this.estimateDocFrequency(term, totalDocs)) };
  }

  private estimateDocFrequency(term: SearchTerm, totalDocs: number): number {
    const { n, oldest } = this.sampleStmt.get(term.fts, DF_SAMPLE)!;
    return extrapolate(n, oldest ?? 0, DF_SAMPLE, totalDocs);
  }
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
