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
    this.candidatesStmt = db.prepare<[string, number], { pk: number; content: string }>(
      `SELECT pk, content FROM messages
       WHERE pk IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`,
    );
    this.sampleStmt = db.prepare<[string, number], { n: number; oldest: number | null }>(
      `SELECT count(*) AS n, min(rowid) AS oldest
       FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`,
    );
    // max(pk) stands in for count(*), which would scan the whole table; deletions make it a
    // slight overestimate, which only nudges every term's weight the same way.
    this.totalStmt = db.prepare<[], number | null>("SELECT max(pk) FROM messages").pluck();
    this.hitsStmt = db.prepare<[string, string], HitRow>(
      `SELECT f.rowid AS pk, m.id, m.conversation_id, c.title, m.role, m.created_at,
              snippet(messages_fts, 0, '${HIGHLIGHT_START}', '${HIGHLIGHT_END}', '…', ${SNIPPET_TOKENS}) AS snippet
       FROM messages_fts f
       JOIN messages m ON m.pk = f.rowid
       JOIN conversations c ON c.id = m.conversation_id
       WHERE messages_fts MATCH ? AND f.rowid IN (SELECT value FROM json_each(?))`,
    );
  }

  /** Best matches first; ties go to the newer message. Empty or punctuation-only text finds nothing. */
  search(text: string, limit = 50): SearchHit[] {
    const query = parseSearchQuery(text);
    if (query === null || limit <= 0) return [];
    const candidates = this.candidatesStmt.all(query.match, Math.max(RANK_WINDOW, limit));
    if (candidates.length === 0) return [];
    const scores = bm25Scores(candidates.map((c) => c.content), query.terms, this.corpusStats(query.terms));
    const best = candidates
      .map((c, i) => ({ pk: c.pk, score: scores[i]! }))
      .sort((a, b) => b.score - a.score || b.pk - a.pk)
      .slice(0, limit);
    const rows = new Map(this.hitsStmt.all(query.match, JSON.stringify(best.map((b) => b.pk))).map((r) => [r.pk, r]));
    return best.flatMap(({ pk }) => (rows.has(pk) ? [toHit(rows.get(pk)!)] : []));
  }

  private corpusStats(terms: readonly SearchTerm[]): CorpusStats {
    const totalDocs = this.totalStmt.get() ?? 0;
    return { totalDocs, docFrequency: terms.map((term) => this.estimateDocFrequency(term, totalDocs)) };
  }

  /**
   * In how many messages a term occurs. Exact when it is rarer than DF_SAMPLE; otherwise
   * extrapolated from how densely its newest DF_SAMPLE matches are packed among the newest
   * messages — a few index reads instead of the whole index entry, and plenty for ranking.
   */
  private estimateDocFrequency(term: SearchTerm, totalDocs: number): number {
    const { n, oldest } = this.sampleStmt.get(term.fts, DF_SAMPLE)!;
    if (n < DF_SAMPLE || oldest === null) return n;
    return Math.min(totalDocs, (n * totalDocs) / Math.max(1, totalDocs - oldest + 1));
  }
}
