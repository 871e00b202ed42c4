import type { Database } from "better-sqlite3";
import { randomUUID } from "node:crypto";
import type { EgressKind, EgressRecord } from "../contract/types";

/**
 * One request that was allowed to leave the device, as the UI's audit view shows it. The shape is
 * the contract's `EgressRecord`: `payload` is the exact JSON handed to the sender (sanitized), and
 * `check` the gate's verdict as JSON (types and counts only, never values).
 */
export type AuditRecord = EgressRecord;

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

  /** The kind is kept in the `check` JSON (no schema change); `list` reads it back. */
  record(entry: Omit<AuditRecord, "id" | "bytes" | "kind"> & { id?: string }): AuditRecord {
    const row = { ...entry, id: entry.id ?? randomUUID(), bytes: Buffer.byteLength(entry.payload, "utf8") };
    const record: AuditRecord = { ...row, kind: kindFrom(row) };
    this.db
      .prepare(
        `INSERT INTO egress_log (id, conversation_id, message_id, at, endpoint, model, payload, bytes, "check")
         VALUES (@id, @conversationId, @messageId, @at, @endpoint, @model, @payload, @bytes, @check)`,
      )
      .run(row);
    return record;
  }

  /** Newest first; optionally one conversation's rows only. */
  list(options: { conversationId?: string; limit?: number } = {}): AuditRecord[] {
    const limit = options.limit ?? 100;
    const rows = (
      options.conversationId === undefined
        ? this.db.prepare(`SELECT * FROM egress_log ORDER BY at DESC, rowid DESC LIMIT ?`).all(limit)
        : this.db
            .prepare(`SELECT * FROM egress_log WHERE conversation_id = ? ORDER BY at DESC, rowid DESC LIMIT ?`)
            .all(options.conversationId, limit)
    ) as Row[];
    return rows.map((r) => ({
      id: r.id,
      kind: kindFrom(r),
      conversationId: r.conversation_id,
      messageId: r.message_id,
      at: r.at,
      endpoint: r.endpoint,
      model: r.model,
      payload: r.payload,
      bytes: r.bytes,
      check: r.check,
    }));
  }

  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM egress_log").get() as { n: number }).n;
  }
}

/**
 * The row's kind from its `check` JSON. Rows written before kinds were recorded: a body with
 * messages was a chat; otherwise the purpose the model column named ("model download",
 * "model header (fit check)"), else Settings → Cloud's connection test.
 */
function kindFrom(row: { check: string; model: string; payload: string }): EgressKind {
  const kind = (safeParse(row.check) as { kind?: EgressKind } | null)?.kind;
  if (kind) return kind;
  const messages = (safeParse(row.payload) as { messages?: unknown[] } | null)?.messages;
  if (Array.isArray(messages) && messages.length > 0) return "chat";
  if (row.model === "model download") return "download";
  if (row.model.startsWith("model header")) return "header-check";
  return "connection-test";
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
