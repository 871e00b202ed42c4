import type { Migration } from "./Migration";

/**
 * Private context (issue #6): the user's notes and documents, their chunks (+ FTS5 for bm25
 * retrieval), per-conversation on/off toggles, and the single-row profile.
 *
 * - `context_items.source_name` is a file name only, never a machine path (paths leak user names).
 * - `context_chunks.id INTEGER PRIMARY KEY`: the FTS index is external-content, keyed by rowid;
 *   an explicit INTEGER PRIMARY KEY keeps rowids stable across VACUUM (see 001).
 * - The FTS uses the porter stemmer: a question says "appointments", the letter "appointment".
 * - Deleting an item deletes its chunks (CASCADE); the FTS delete trigger fires for cascaded rows
 *   too, so the index never keeps text of a deleted document.
 * - A conversation-scoped item belongs to its conversation and is deleted with it.
 * - `conversation_context.enabled = 0` turns an item off for one conversation; `1` attaches an
 *   item to a conversation it does not belong to.
 */
export const migration003: Migration = {
  version: 3,
  name: "context",
  sql: `
    CREATE TABLE context_items (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('note','document')),
      source_name TEXT,
      mime TEXT,
      text TEXT NOT NULL,
      scope TEXT NOT NULL CHECK (scope IN ('global','conversation')),
      conversation_id TEXT REFERENCES conversations(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      CHECK ((scope = 'global') = (conversation_id IS NULL))
    );
    CREATE INDEX context_items_conversation ON context_items(conversation_id) WHERE conversation_id IS NOT NULL;

    CREATE TABLE context_chunks (
      id INTEGER PRIMARY KEY,
      item_id TEXT NOT NULL REFERENCES context_items(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      text TEXT NOT NULL,
      token_estimate INTEGER NOT NULL,
      UNIQUE (item_id, seq)
    );

    CREATE VIRTUAL TABLE context_chunks_fts USING fts5(
      text, content='context_chunks', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER context_chunks_ai AFTER INSERT ON context_chunks BEGIN
      INSERT INTO context_chunks_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER context_chunks_ad AFTER DELETE ON context_chunks BEGIN
      INSERT INTO context_chunks_fts(context_chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER context_chunks_au AFTER UPDATE OF text ON context_chunks BEGIN
      INSERT INTO context_chunks_fts(context_chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO context_chunks_fts(rowid, text) VALUES (new.id, new.text);
    END;

    CREATE TABLE conversation_context (
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL REFERENCES context_items(id) ON DELETE CASCADE,
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
      PRIMARY KEY (conversation_id, item_id)
    ) WITHOUT ROWID;
    CREATE INDEX conversation_context_item ON conversation_context(item_id);

    CREATE TABLE profile (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      data TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    );
  `,
};
