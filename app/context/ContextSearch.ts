import type Database from "better-sqlite3";
import { buildContextQuery } from "./buildContextQuery";
import { ENABLED_IN_CONVERSATION, JOIN_TOGGLES } from "./enabledItemSql";

export interface ChunkHit {
  chunkId: number;
  itemId: string;
  title: string;
  text: string;
  /** -bm25: higher is more relevant. */
  score: number;
}

/** bm25 search over the chunks of the items that are on for one conversation. */
export class ContextSearch {
  private readonly searchStmt;

  constructor(db: Database.Database) {
    // The toggle rule is in the WHERE clause of the same query as MATCH, so an item that is off
    // can never reach the result, whatever the ranking or the limit.
    this.searchStmt = db.prepare<{ match: string; conversationId: string | null; limit: number }, ChunkHit>(
      `SELECT c.id AS chunkId, c.item_id AS itemId, i.title, c.text, -bm25(context_chunks_fts) AS score
       FROM context_chunks_fts
       JOIN context_chunks c ON c.id = context_chunks_fts.rowid
       JOIN context_items i ON i.id = c.item_id
       ${JOIN_TOGGLES}
       WHERE context_chunks_fts MATCH @match AND ${ENABLED_IN_CONVERSATION}
       ORDER BY bm25(context_chunks_fts), c.id
       LIMIT @limit`,
    );
  }

  /** Best chunks first. A message without searchable words finds nothing. */
  search(conversationId: string | null, query: string, limit: number): ChunkHit[] {
    const match = buildContextQuery(query);
    if (match === null || limit <= 0) return [];
    return this.searchStmt.all({ match, conversationId, limit });
  }
}
