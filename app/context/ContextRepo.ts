import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
// The driver the Store opens with: its errors are instances of its own SqliteError class.
import Driver from "better-sqlite3-multiple-ciphers";
import { TandemError } from "../contract/errors";
import { chunkText, type ChunkOptions } from "./chunkText";
import { ENABLED_IN_CONVERSATION, JOIN_TOGGLES } from "./enabledItemSql";
import { normalizeText } from "./importers/normalizeText";
import type { ContextItem, ContextItemSummary, ConversationContextItem, NewContextItem } from "./types";

/** A title longer than this is cut: it is a label in a list, not content. */
export const MAX_TITLE_CHARS = 200;
/** About 1,000 pages of text: far more would make one item dominate every search and the vault. */
export const MAX_TEXT_CHARS = 5_000_000;

interface ItemRow {
  id: string;
  title: string;
  kind: ContextItem["kind"];
  source_name: string | null;
  mime: string | null;
  scope: ContextItem["scope"];
  conversation_id: string | null;
  chars: number;
  created_at: number;
  updated_at: number;
  text?: string;
  enabled?: number;
}

const SUMMARY =
  "i.id, i.title, i.kind, i.source_name, i.mime, i.scope, i.conversation_id, length(i.text) AS chars, i.created_at, i.updated_at";

function toSummary(row: ItemRow): ContextItemSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    sourceName: row.source_name,
    mime: row.mime,
    scope: row.scope,
    conversationId: row.conversation_id,
    chars: row.chars,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toItem(row: ItemRow): ContextItem {
  return { ...toSummary(row), text: row.text ?? "" };
}

/** Notes and documents with their chunks (indexed for retrieval) and per-conversation toggles. */
export class ContextRepo {
  private readonly stmts;

  constructor(
    private readonly db: Database.Database,
    private readonly chunking: ChunkOptions = {},
  ) {
    this.stmts = {
      insert:
        db.prepare(`INSERT INTO context_items (id, title, kind, source_name, mime, text, scope, conversation_id, created_at, updated_at)
                          VALUES (@id, @title, @kind, @sourceName, @mime, @text, @scope, @conversationId, @now, @now)`),
      insertChunk: db.prepare<[string, number, string, number]>(
        "INSERT INTO context_chunks (item_id, seq, text, token_estimate) VALUES (?, ?, ?, ?)",
      ),
      deleteChunks: db.prepare<[string]>("DELETE FROM context_chunks WHERE item_id = ?"),
      get: db.prepare<[string], ItemRow>(`SELECT ${SUMMARY}, i.text FROM context_items i WHERE i.id = ?`),
      list: db.prepare<[], ItemRow>(`SELECT ${SUMMARY} FROM context_items i ORDER BY i.updated_at DESC, i.rowid DESC`),
      update: db.prepare<[string, string, number, string]>(
        "UPDATE context_items SET title = ?, text = ?, updated_at = ? WHERE id = ?",
      ),
      remove: db.prepare<[string]>("DELETE FROM context_items WHERE id = ?"),
      toggle: db.prepare<[string, string, number]>(
        "INSERT INTO conversation_context (conversation_id, item_id, enabled) VALUES (?, ?, ?) ON CONFLICT (conversation_id, item_id) DO UPDATE SET enabled = excluded.enabled",
      ),
      forConversation: db.prepare<{ conversationId: string }, ItemRow>(
        `SELECT ${SUMMARY}, ${ENABLED_IN_CONVERSATION} AS enabled FROM context_items i ${JOIN_TOGGLES}
         WHERE i.scope = 'global' OR i.conversation_id = @conversationId OR cc.item_id IS NOT NULL
         ORDER BY i.updated_at DESC, i.rowid DESC`,
      ),
      enabled: db.prepare<{ conversationId: string | null }, ItemRow>(
        `SELECT ${SUMMARY}, i.text FROM context_items i ${JOIN_TOGGLES} WHERE ${ENABLED_IN_CONVERSATION} ORDER BY i.created_at, i.rowid`,
      ),
      chunks: db.prepare<[string], { id: number; seq: number; text: string; tokens: number }>(
        "SELECT id, seq, text, token_estimate AS tokens FROM context_chunks WHERE item_id = ? ORDER BY seq",
      ),
    };
  }

  /** Stores a note or document and indexes its chunks, in one transaction. */
  add(input: NewContextItem): ContextItem {
    const text = cleanText(input.text);
    const id = randomUUID();
    const conversationId = input.conversationId ?? null;
    const row = {
      id,
      title: cleanTitle(input.title, text),
      kind: input.kind ?? "note",
      sourceName: input.sourceName ?? null,
      mime: input.mime ?? null,
      text,
      scope: conversationId === null ? "global" : "conversation",
      conversationId,
      now: Date.now(),
    };
    this.write(() => {
      this.stmts.insert.run(row);
      this.index(id, text);
    });
    return this.get(id)!;
  }

  get(id: string): ContextItem | null {
    const row = this.stmts.get.get(id);
    return row ? toItem(row) : null;
  }

  /** Every item, most recently changed first, without texts. */
  list(): ContextItemSummary[] {
    return this.stmts.list.all().map(toSummary);
  }

  /** Renames and/or replaces the text (re-indexing it). */
  update(id: string, changes: { title?: string; text?: string }): ContextItem {
    const current = this.get(id);
    if (!current) throw notFound();
    const text = changes.text === undefined ? current.text : cleanText(changes.text);
    const title = changes.title === undefined ? current.title : cleanTitle(changes.title, text);
    this.write(() => {
      this.stmts.update.run(title, text, Date.now(), id);
      if (text !== current.text) this.index(id, text);
    });
    return this.get(id)!;
  }

  /** Deletes the item, its chunks, their index entries and its toggles. False if absent. */
  remove(id: string): boolean {
    return this.stmts.remove.run(id).changes > 0;
  }

  /** Turns an item on or off for one conversation (on also attaches another conversation's item). */
  setEnabled(conversationId: string, itemId: string, enabled: boolean): void {
    this.write(() => this.stmts.toggle.run(conversationId, itemId, enabled ? 1 : 0));
  }

  /** The items a conversation can use (global, its own, attached), each with its on/off state. */
  listForConversation(conversationId: string): ConversationContextItem[] {
    return this.stmts.forConversation
      .all({ conversationId })
      .map((row) => ({ ...toSummary(row), enabled: row.enabled === 1 }));
  }

  /** The items that are on for a conversation (null = global items only), with their texts. */
  enabledItems(conversationId: string | null): ContextItem[] {
    return this.stmts.enabled.all({ conversationId }).map(toItem);
  }

  /** An item's indexed chunks in document order. */
  chunks(itemId: string): Array<{ id: number; seq: number; text: string; tokens: number }> {
    return this.stmts.chunks.all(itemId);
  }

  private index(itemId: string, text: string): void {
    this.stmts.deleteChunks.run(itemId);
    for (const chunk of chunkText(text, this.chunking))
      this.stmts.insertChunk.run(itemId, chunk.seq, chunk.text, chunk.tokens);
  }

  /** Runs `fn` in a transaction; a missing conversation or item becomes `not_found`. */
  private write(fn: () => void): void {
    try {
      this.db.transaction(fn)();
    } catch (error) {
      if (error instanceof Driver.SqliteError && error.code === "SQLITE_CONSTRAINT_FOREIGNKEY") throw notFound(error);
      throw error;
    }
  }
}

function cleanText(text: string): string {
  if (text.length > MAX_TEXT_CHARS) {
    throw new TandemError(
      "too_large",
      `This text has ${text.length.toLocaleString("en")} characters; Tandem keeps at most ${MAX_TEXT_CHARS.toLocaleString("en")} per item. Split it into several items.`,
    );
  }
  const clean = normalizeText(text);
  if (!clean) throw new TandemError("context_empty", "This note has no text. Type or paste some text first.");
  return clean;
}

/** An empty title becomes the text's first line, so every item has a readable label. */
function cleanTitle(title: string, text: string): string {
  const clean = title.replace(/\s+/gu, " ").trim() || text.split("\n", 1)[0]!.replace(/\s+/gu, " ").trim();
  return [...clean].length > MAX_TITLE_CHARS ? [...clean].slice(0, MAX_TITLE_CHARS - 1).join("") + "…" : clean;
}

function notFound(cause?: unknown): TandemError {
  return new TandemError("not_found", "This conversation or context item no longer exists. It may have been deleted.", {
    cause,
  });
}
