import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { TandemError } from "../contract/errors";
import type { ConversationSummary, PrivacyMode, SearchHit } from "../contract/types";
import { MessageSearch } from "./MessageSearch";

/** The title a conversation has until its first message names it. */
export const DEFAULT_TITLE = "New conversation";

interface ConversationRow {
  id: string;
  title: string;
  mode: PrivacyMode;
  created_at: number;
  updated_at: number;
}

const COLUMNS = "id, title, mode, created_at, updated_at";

function toSummary(row: ConversationRow): ConversationSummary {
  return { id: row.id, title: row.title, mode: row.mode, createdAt: row.created_at, updatedAt: row.updated_at };
}

export class ConversationRepo {
  private readonly messageSearch: MessageSearch;
  private readonly insertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly renameStmt;
  private readonly setModeStmt;
  private readonly deleteStmt;

  constructor(db: Database.Database) {
    this.messageSearch = new MessageSearch(db);
    this.insertStmt = db.prepare<[string, string, PrivacyMode, number, number], ConversationRow>(
      `INSERT INTO conversations (id, title, mode, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    );
    this.getStmt = db.prepare<[string], ConversationRow>(`SELECT ${COLUMNS} FROM conversations WHERE id = ?`);
    // rowid breaks ties between conversations touched in the same millisecond: newest created first.
    this.listStmt = db.prepare<[], ConversationRow>(
      `SELECT ${COLUMNS} FROM conversations ORDER BY updated_at DESC, rowid DESC`,
    );
    this.renameStmt = db.prepare<[string, string], ConversationRow>(
      `UPDATE conversations SET title = ? WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.setModeStmt = db.prepare<[PrivacyMode, string], ConversationRow>(
      `UPDATE conversations SET mode = ? WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.deleteStmt = db.prepare<[string]>("DELETE FROM conversations WHERE id = ?");
  }

  /** A new, empty conversation. Default title "New conversation", default mode "private". */
  create(input: { title?: string; mode?: PrivacyMode } = {}): ConversationSummary {
    const now = Date.now();
    const title = input.title === undefined ? DEFAULT_TITLE : cleanTitle(input.title);
    return toSummary(this.insertStmt.get(randomUUID(), title, input.mode ?? "private", now, now)!);
  }

  get(id: string): ConversationSummary | null {
    const row = this.getStmt.get(id);
    return row ? toSummary(row) : null;
  }

  /** Every conversation, most recently active (message written) first. */
  list(): ConversationSummary[] {
    return this.listStmt.all().map(toSummary);
  }

  /** Renaming does not move the conversation in the list: only new messages do. */
  rename(id: string, title: string): ConversationSummary {
    return toSummary(found(this.renameStmt.get(cleanTitle(title), id)));
  }

  setMode(id: string, mode: PrivacyMode): ConversationSummary {
    return toSummary(found(this.setModeStmt.get(mode, id)));
  }

  /** Deletes the conversation with its messages, their stages and search entries. False if absent. */
  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }

  /** Full-text search over every message; see MessageSearch for how free text becomes a query. */
  search(query: string, limit = 50): SearchHit[] {
    return this.messageSearch.search(query, limit);
  }
}

function cleanTitle(title: string): string {
  const clean = title.replace(/\s+/g, " ").trim();
  if (!clean) throw new TandemError("invalid_request", "A conversation title cannot be empty.");
  return clean;
}

function found(row: ConversationRow | undefined): ConversationRow {
  if (!row) throw new TandemError("not_found", "This conversation no longer exists. It may have been deleted.");
  return row;
}
