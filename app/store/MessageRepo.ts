import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { TandemError } from "../contract/errors";
import type { Message, MessageRole, MessageStats, MessageStatus } from "../contract/types";

interface MessageRow {
  id: string;
  conversation_id: string;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  error: string | null;
  model_id: string | null;
  tokens: number | null;
  tps: number | null;
  ttft_ms: number | null;
  created_at: number;
}

const COLUMNS = "id, conversation_id, role, content, status, error, model_id, tokens, tps, ttft_ms, created_at";

function toMessage(row: MessageRow): Message {
  const stats: MessageStats | null =
    row.tokens === null ? null : { tokens: row.tokens, tokensPerSecond: row.tps, timeToFirstTokenMs: row.ttft_ms };
  return {
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    content: row.content,
    status: row.status,
    createdAt: row.created_at,
    stats,
    error: row.error,
    modelId: row.model_id,
  };
}

export interface AppendInput {
  conversationId: string;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  /** The model writing an assistant message. Default null. */
  modelId?: string | null;
}

export interface FinishInput {
  content: string;
  status: Exclude<MessageStatus, "streaming">;
  /** Token count and speed; default null (e.g. for an error before the first token). */
  stats?: MessageStats | null;
  /** For status "error": what went wrong, in words a user understands. Default null. */
  error?: string | null;
}

type FinishParams = [string, MessageStatus, number | null, number | null, number | null, string | null, string];

export class MessageRepo {
  private readonly touchStmt;
  private readonly insertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly seqStmt;
  private readonly updateContentStmt;
  private readonly finishStmt;
  private readonly deleteAfterStmt;
  private readonly interruptStmt;
  private readonly appendTx;
  private readonly finishTx;
  private readonly replaceTx;

  constructor(db: Database.Database) {
    this.touchStmt = db.prepare<[number, string]>("UPDATE conversations SET updated_at = ? WHERE id = ?");
    this.insertStmt = db.prepare<[string, string, string, MessageRole, string, MessageStatus, string | null, number], MessageRow>(
      `INSERT INTO messages (id, conversation_id, seq, role, content, status, model_id, created_at)
       VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?), ?, ?, ?, ?, ?)
       RETURNING ${COLUMNS}`,
    );
    this.getStmt = db.prepare<[string], MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE id = ?`);
    this.listStmt = db.prepare<[string], MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq`);
    this.seqStmt = db.prepare<[string], number>("SELECT seq FROM messages WHERE id = ?").pluck();
    this.updateContentStmt = db.prepare<[string, string]>("UPDATE messages SET content = ? WHERE id = ?");
    this.finishStmt = db.prepare<FinishParams, MessageRow>(
      `UPDATE messages SET content = ?, status = ?, tokens = ?, tps = ?, ttft_ms = ?, error = ? WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.deleteAfterStmt = db.prepare<[string, number]>("DELETE FROM messages WHERE conversation_id = ? AND seq > ?");
    this.interruptStmt = db.prepare("UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'");
    this.appendTx = db.transaction((input: AppendInput) => this.insert(input));
    this.finishTx = db.transaction((id: string, input: FinishInput) => this.finishRow(id, input));
    this.replaceTx = db.transaction((id: string, content: string) => this.replaceRow(id, content));
  }

  /** Adds a message at the end of its conversation and marks the conversation as just active. */
  append(input: AppendInput): Message {
    return toMessage(this.appendTx(input));
  }

  get(id: string): Message | null {
    const row = this.getStmt.get(id);
    return row ? toMessage(row) : null;
  }

  /** The conversation's messages in the order they were written (empty if it has none or is absent). */
  listForConversation(conversationId: string): Message[] {
    return this.listStmt.all(conversationId).map(toMessage);
  }

  /** The message's position in its conversation (1-based), or null if it does not exist. */
  seqOf(id: string): number | null {
    return this.seqStmt.get(id) ?? null;
  }

  /**
   * The periodic flush of an answer being streamed: one indexed UPDATE, nothing else (the
   * conversation's updated_at is left alone). False if the message is gone (its conversation
   * was deleted mid-answer) — the writer should simply stop flushing.
   */
  updateContent(id: string, content: string): boolean {
    return this.updateContentStmt.run(content, id).changes > 0;
  }

  /** Stores an answer's final text, status and stats. */
  finish(id: string, input: FinishInput): Message {
    return toMessage(this.finishTx(id, input));
  }

  /** Replaces a message's text (editing the last user message); status and stats are kept. */
  replaceContent(id: string, content: string): Message {
    return toMessage(this.replaceTx(id, content));
  }

  /** Deletes every message after position `seq` in the conversation; returns how many. */
  deleteAfter(conversationId: string, seq: number): number {
    return this.deleteAfterStmt.run(conversationId, seq).changes;
  }

  /** At start-up: answers left "streaming" by a crash or a kill become "interrupted". Returns how many. */
  markInterrupted(): number {
    return this.interruptStmt.run().changes;
  }

  private insert(input: AppendInput): MessageRow {
    const now = Date.now();
    this.touch(input.conversationId, now);
    const { conversationId: cid } = input;
    return this.insertStmt.get(randomUUID(), cid, cid, input.role, input.content, input.status, input.modelId ?? null, now)!;
  }

  private finishRow(id: string, input: FinishInput): MessageRow {
    const { stats = null, error = null } = input;
    const params: FinishParams = [input.content, input.status, stats?.tokens ?? null, stats?.tokensPerSecond ?? null, stats?.timeToFirstTokenMs ?? null, error, id];
    const row = found(this.finishStmt.get(...params));
    this.touch(row.conversation_id, Date.now());
    return row;
  }

  private replaceRow(id: string, content: string): MessageRow {
    if (!this.updateContent(id, content)) found(undefined);
    const row = this.getStmt.get(id)!;
    this.touch(row.conversation_id, Date.now());
    return row;
  }

  private touch(conversationId: string, at: number): void {
    if (this.touchStmt.run(at, conversationId).changes === 0) {
      throw new TandemError("not_found", "This conversation no longer exists. It may have been deleted.");
    }
  }
}

function found(row: MessageRow | undefined): MessageRow {
  if (!row) throw new TandemError("not_found", "This message no longer exists. Its conversation may have been deleted.");
  return row;
}
