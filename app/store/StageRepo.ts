import type Database from "better-sqlite3";
import type { MessageStage, StageKind } from "../contract/types";

interface StageRow {
  kind: StageKind;
  content: string;
  meta: string | null;
}

/** Order in which stages are shown: what the device did first comes first. */
const ORDER: Record<StageKind, number> = {
  context: 0,
  sketch: 1,
  outline: 2,
  sanitized: 3,
  cloud: 4,
  report: 5,
  notice: 6,
  route: 7,
};

/** What an answer went through (table message_stages), one row per kind. Deleted with the message. */
export class StageRepo {
  private readonly putStmt;
  private readonly listStmt;

  constructor(db: Database.Database) {
    this.putStmt = db.prepare<[string, string, string, string | null]>(
      "INSERT INTO message_stages (message_id, kind, content, meta) VALUES (?, ?, ?, ?) ON CONFLICT(message_id, kind) DO UPDATE SET content = excluded.content, meta = excluded.meta",
    );
    this.listStmt = db.prepare<[string], StageRow>(
      "SELECT kind, content, meta FROM message_stages WHERE message_id = ?",
    );
  }

  put(messageId: string, stage: MessageStage): void {
    this.putStmt.run(messageId, stage.kind, stage.content, stage.meta === null ? null : JSON.stringify(stage.meta));
  }

  list(messageId: string): MessageStage[] {
    return this.listStmt
      .all(messageId)
      .map((row) => ({
        kind: row.kind,
        content: row.content,
        meta: row.meta === null ? null : (JSON.parse(row.meta) as Record<string, unknown>),
      }))
      .sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  }
}
