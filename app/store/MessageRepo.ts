import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { TandemError } from "../contract/errors";
import type { Message, MessageRole, MessageStats, MessageStatus, PrivacyMode } from "../contract/types";

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
  reply_to: string | null;
  cut_at_limit: 0 | 1;
  mode: PrivacyMode | null;
}

const COLUMNS =
  "id, conversation_id, role, content, status, error, model_id, tokens, tps, ttft_ms, created_at, reply_to, cut_at_limit, mode";

function toMessage(row: MessageRow, variants?: string[]): Message {
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
    ...(variants && variants.length > 1 ? { variants } : {}),
    ...(row.cut_at_limit ? { cutAtLimit: true } : {}),
    ...(row.mode ? { mode: row.mode } : {}),
  };
}

export interface AppendInput {
  conversationId: string;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  /** The model writing an assistant message. Default null. */
  modelId?: string | null;
  /** For an answer: the id of the user message it answers (its variants share it). Default null. */
  replyTo?: string | null;
  /** The conversation's mode as the message is written; Cloud mode sends only earlier Cloud turns. Default null (not recorded). */
  mode?: PrivacyMode | null;
}

export interface FinishInput {
  content: string;
  status: Exclude<MessageStatus, "streaming">;
  /** Token count and speed; default null (e.g. for an error before the first token). */
  stats?: MessageStats | null;
  /** For status "error": what went wrong, in words a user understands. Default null. */
  error?: string | null;
  /** The model stopped at the answer-length limit. Default false. */
  cutAtLimit?: boolean;
}

type FinishParams = [string, MessageStatus, number | null, number | null, number | null, string | null, 0 | 1, string];

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
  private readonly variantsStmt;
  private readonly setAsideStmt;
  private readonly dropFailedStmt;
  private readonly unchooseStmt;
  private readonly chooseStmt;
  private readonly restartStmt;
  private readonly chooseTx;
  private readonly appendTx;
  private readonly finishTx;
  private readonly replaceTx;

  constructor(db: Database.Database) {
    this.touchStmt = db.prepare<[number, string]>("UPDATE conversations SET updated_at = ? WHERE id = ?");
    this.insertStmt = db.prepare<
      [
        string,
        string,
        string,
        MessageRole,
        string,
        MessageStatus,
        string | null,
        string | null,
        PrivacyMode | null,
        number,
      ],
      MessageRow
    >(
      `INSERT INTO messages (id, conversation_id, seq, role, content, status, model_id, reply_to, mode, created_at)
       VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?), ?, ?, ?, ?, ?, ?, ?)
       RETURNING ${COLUMNS}`,
    );
    this.getStmt = db.prepare<[string], MessageRow>(`SELECT ${COLUMNS} FROM messages WHERE id = ?`);
    this.listStmt = db.prepare<[string], MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND chosen = 1 ORDER BY seq`,
    );
    this.variantsStmt = db.prepare<[string], { id: string; reply_to: string }>(
      "SELECT id, reply_to FROM messages WHERE conversation_id = ? AND reply_to IS NOT NULL ORDER BY seq",
    );
    this.setAsideStmt = db.prepare<[string, string, number]>(
      "UPDATE messages SET chosen = 0, reply_to = ? WHERE conversation_id = ? AND seq > ? AND role = 'assistant'",
    );
    this.dropFailedStmt = db.prepare<[string, number]>(
      "DELETE FROM messages WHERE conversation_id = ? AND seq > ? AND role = 'assistant' AND content = ''",
    );
    this.unchooseStmt = db.prepare<[string]>("UPDATE messages SET chosen = 0 WHERE reply_to = ?");
    this.chooseStmt = db.prepare<[string]>("UPDATE messages SET chosen = 1 WHERE id = ?");
    this.restartStmt = db.prepare<[string], MessageRow>(
      `UPDATE messages SET status = 'streaming', cut_at_limit = 0 WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.seqStmt = db.prepare<[string], number>("SELECT seq FROM messages WHERE id = ?").pluck();
    this.updateContentStmt = db.prepare<[string, string]>("UPDATE messages SET content = ? WHERE id = ?");
    this.finishStmt = db.prepare<FinishParams, MessageRow>(
      `UPDATE messages SET content = ?, status = ?, tokens = ?, tps = ?, ttft_ms = ?, error = ?, cut_at_limit = ? WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.deleteAfterStmt = db.prepare<[string, number]>("DELETE FROM messages WHERE conversation_id = ? AND seq > ?");
    this.interruptStmt = db.prepare("UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'");
    this.appendTx = db.transaction((input: AppendInput) => this.insert(input));
    this.finishTx = db.transaction((id: string, input: FinishInput) => this.finishRow(id, input));
    this.replaceTx = db.transaction((id: string, content: string) => this.replaceRow(id, content));
    this.chooseTx = db.transaction((id: string) => this.chooseRow(id));
  }

  /** Adds a message at the end of its conversation and marks the conversation as just active. */
  append(input: AppendInput): Message {
    return this.withVariants(this.appendTx(input));
  }

  get(id: string): Message | null {
    const row = this.getStmt.get(id);
    return row ? this.withVariants(row) : null;
  }

  /**
   * The conversation as shown and continued from, in the order it was written: of the answers to
   * one question only the chosen variant (each carries the ids of all). Empty if it has none or is absent.
   */
  listForConversation(conversationId: string): Message[] {
    const variants = this.variantIds(conversationId);
    return this.listStmt
      .all(conversationId)
      .map((row) => toMessage(row, row.reply_to ? variants.get(row.reply_to) : undefined));
  }

  /**
   * Regenerate: the answers after position `seq` (to the user message `replyTo`) become hidden
   * variants of it; answers with no text (failed, or stopped before the first word) are dropped
   * rather than kept. Returns how many are kept.
   */
  setAsideAnswers(conversationId: string, seq: number, replyTo: string): number {
    this.dropFailedStmt.run(conversationId, seq);
    return this.setAsideStmt.run(replyTo, conversationId, seq).changes;
  }

  /** Makes `id` the shown variant among the answers to its question; returns it. */
  choose(id: string): Message {
    this.chooseTx(id);
    return this.get(id)!;
  }

  /** Continue: the answer is being written again (on from its text); its cut-at-limit mark goes. */
  restart(id: string): Message {
    found(this.restartStmt.get(id));
    return this.get(id)!;
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
    return this.withVariants(this.finishTx(id, input));
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
    return this.insertStmt.get(
      randomUUID(),
      cid,
      cid,
      input.role,
      input.content,
      input.status,
      input.modelId ?? null,
      input.replyTo ?? null,
      input.mode ?? null,
      now,
    )!;
  }

  private withVariants(row: MessageRow): Message {
    return toMessage(row, row.reply_to ? this.variantIds(row.conversation_id).get(row.reply_to) : undefined);
  }

  /** Answer ids by the question they answer, oldest first. */
  private variantIds(conversationId: string): Map<string, string[]> {
    const byQuestion = new Map<string, string[]>();
    for (const { id, reply_to } of this.variantsStmt.all(conversationId)) {
      byQuestion.set(reply_to, [...(byQuestion.get(reply_to) ?? []), id]);
    }
    return byQuestion;
  }

  private chooseRow(id: string): void {
    const row = found(this.getStmt.get(id));
    if (row.role !== "assistant" || row.reply_to === null) {
      throw new TandemError(
        "invalid_request",
        "Only an answer that was regenerated has other versions to choose from.",
      );
    }
    this.unchooseStmt.run(row.reply_to);
    this.chooseStmt.run(id);
  }

  private finishRow(id: string, input: FinishInput): MessageRow {
    const { stats = null, error = null } = input;
    const params: FinishParams = [
      input.content,
      input.status,
      stats?.tokens ?? null,
      stats?.tokensPerSecond ?? null,
      stats?.timeToFirstTokenMs ?? null,
      error,
      input.cutAtLimit ? 1 : 0,
      id,
    ];
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
  if (!row)
    throw new TandemError("not_found", "This message no longer exists. Its conversation may have been deleted.");
  return row;
}
