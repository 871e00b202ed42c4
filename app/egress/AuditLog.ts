import type { Database } from "better-sqlite3";
import { randomUUID } from "node:crypto";

/** One request that was allowed to leave the device, as the UI's audit view shows it. */
export interface AuditRecord {
  id: string;
  conversationId: string | null;
  messageId: string | null;
  /** Milliseconds since the epoch. */
  at: number;
  endpoint: string;
  model: string;
  /** The exact JSON that was handed to the sender (sanitized; never a vault value). */
  payload: string;
  /** UTF-8 byte length of `payload`. */
  bytes: number;
  /** The gate's verdict as JSON: `{"policy":…,"clean":…,"found":[{"type","count"}]}` (types only). */
  check: string;
}

interface Row {
  id: string;
  conversation_id: string | null;
  message_id: string | null;
  at: number;
  endpoint: string;
  model: string;
  payload: string;
  bytes: number;
  check: string;
}

/** The `egress_log` table (migration 002): append-only from the gate, read by the UI. */
export class AuditLog {
  constructor(private readonly db: Database) {}

  record(entry: Omit<AuditRecord, "id" | "bytes"> & { id?: string }): AuditRecord {
    const record: AuditRecord = { ...entry, id: entry.id ?? randomUUID(), bytes: Buffer.byteLength(entry.payload, "utf8") };
    this.db
      .prepare(
        `INSERT INTO egress_log (id, conversation_id, message_id, at, endpoint, model, payload, bytes, "check")
         VALUES (@id, @conversationId, @messageId, @at, @endpoint, @model, @payload, @bytes, @check)`,
      )
      .run(record);
    return record;
  }

  /** Newest first; optionally one conversation's rows only. */
  list(options: { conversationId?: string; limit?: number } = {}): AuditRecord[] {
    const limit = options.limit ?? 100;
    const rows = (
      options.conversationId === undefined
        ? this.db.prepare(`SELECT * FROM egress_log ORDER BY at DESC, rowid DESC LIMIT ?`).all(limit)
        : this.db.prepare(`SELECT * FROM egress_log WHERE conversation_id = ? ORDER BY at DESC, rowid DESC LIMIT ?`).all(options.conversationId, limit)
    ) as Row[];
    return rows.map((r) => ({ id: r.id, conversationId: r.conversation_id, messageId: r.message_id, at: r.at, endpoint: r.endpoint, model: r.model, payload: r.payload, bytes: r.bytes, check: r.check }));
  }

  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM egress_log").get() as { n: number }).n;
  }
}
