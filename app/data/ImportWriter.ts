import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { chunkText } from "../context/chunkText";
import type {
  ExportedContextItem,
  ExportedConversation,
  ExportedMessage,
  PortableSettings,
  TandemExport,
} from "./exportFormat";

/**
 * The row writes of an import, with ids kept as they are in the file. Callers run these inside
 * one transaction (importIntoDatabase); nothing here commits on its own.
 */
export class ImportWriter {
  private readonly stmts;

  constructor(db: Database.Database) {
    this.stmts = {
      conversationExists: db.prepare<[string], number>("SELECT 1 FROM conversations WHERE id = ?").pluck(),
      messageExists: db.prepare<[string], number>("SELECT 1 FROM messages WHERE id = ?").pluck(),
      itemExists: db.prepare<[string], number>("SELECT 1 FROM context_items WHERE id = ?").pluck(),
      conversation: db.prepare(
        "INSERT INTO conversations (id, title, mode, strategy, created_at, updated_at) VALUES (@id, @title, @mode, @strategy, @createdAt, @updatedAt)",
      ),
      message: db.prepare(
        `INSERT INTO messages (id, conversation_id, seq, role, content, status, error, model_id, tokens, tps, ttft_ms, created_at)
         VALUES (@id, @conversationId, @seq, @role, @content, @status, @error, @modelId, @tokens, @tps, @ttft, @createdAt)`,
      ),
      stage: db.prepare<[string, string, string, string | null]>(
        "INSERT OR IGNORE INTO message_stages (message_id, kind, content, meta) VALUES (?, ?, ?, ?)",
      ),
      vault: db.prepare(
        `INSERT OR IGNORE INTO vault (conversation_id, placeholder, type, value, variants, origin, capital_only, created_at)
         VALUES (@conversationId, @placeholder, @type, @value, @variants, @origin, @capitalOnly, @createdAt)`,
      ),
      item: db.prepare(
        `INSERT INTO context_items (id, title, kind, source_name, mime, text, scope, conversation_id, created_at, updated_at)
         VALUES (@id, @title, @kind, @sourceName, @mime, @text, @scope, @conversationId, @createdAt, @updatedAt)`,
      ),
      chunk: db.prepare<[string, number, string, number]>(
        "INSERT INTO context_chunks (item_id, seq, text, token_estimate) VALUES (?, ?, ?, ?)",
      ),
      toggle: db.prepare<[string, string, number, string, string]>(
        `INSERT OR IGNORE INTO conversation_context (conversation_id, item_id, enabled)
         SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM conversations WHERE id = ?) AND EXISTS (SELECT 1 FROM context_items WHERE id = ?)`,
      ),
      setting: db.prepare<[string, string]>("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)"),
    };
  }

  /** Inserts the conversation with its messages, stages and vault; null if its id is already here. */
  conversation(c: ExportedConversation): number | null {
    if (this.stmts.conversationExists.get(c.id)) return null;
    this.stmts.conversation.run({
      id: c.id,
      title: c.title,
      mode: c.mode,
      strategy: c.strategy,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    });
    c.messages.forEach((m, i) => this.message(c.id, i + 1, m));
    for (const v of c.vault)
      this.stmts.vault.run({
        ...v,
        conversationId: c.id,
        variants: JSON.stringify(v.variants),
        capitalOnly: v.capitalOnly ? 1 : 0,
      });
    return c.messages.length;
  }

  /** Inserts a note or document and indexes it; false if its id is here or its conversation is not. */
  contextItem(item: ExportedContextItem): boolean {
    if (this.stmts.itemExists.get(item.id)) return false;
    if (item.conversationId !== null && !this.stmts.conversationExists.get(item.conversationId)) return false;
    this.stmts.item.run(item);
    for (const chunk of chunkText(item.text)) this.stmts.chunk.run(item.id, chunk.seq, chunk.text, chunk.tokens);
    return true;
  }

  /** An on/off state, when both its conversation and its item exist and none is recorded yet. */
  toggle(t: TandemExport["context"]["toggles"][number]): void {
    this.stmts.toggle.run(t.conversationId, t.itemId, t.enabled ? 1 : 0, t.conversationId, t.itemId);
  }

  /** Settings the user has not set here; returns how many were written. */
  settings(settings: PortableSettings): number {
    let written = 0;
    for (const [key, value] of Object.entries(settings)) {
      if (value !== undefined) written += this.stmts.setting.run(key, JSON.stringify(value)).changes;
    }
    return written;
  }

  private message(conversationId: string, seq: number, m: ExportedMessage): void {
    // Message ids are unique across conversations: one already used elsewhere (a hand-edited or
    // doubly imported file) gets a fresh id rather than failing the whole import.
    const id = this.stmts.messageExists.get(m.id) ? randomUUID() : m.id;
    this.stmts.message.run({
      id,
      conversationId,
      seq,
      role: m.role,
      content: m.content,
      // Nothing is writing an imported answer: one exported mid-stream is an interrupted one.
      status: m.status === "streaming" ? "interrupted" : m.status,
      error: m.error,
      modelId: m.modelId,
      tokens: m.stats?.tokens ?? null,
      tps: m.stats?.tokensPerSecond ?? null,
      ttft: m.stats?.timeToFirstTokenMs ?? null,
      createdAt: m.createdAt,
    });
    for (const s of m.stages)
      this.stmts.stage.run(id, s.kind, s.content, s.meta === null ? null : JSON.stringify(s.meta));
  }
}
