import type { Migration } from "./Migration";

/**
 * Conversations, messages (+ FTS5 kept in sync by triggers), models, settings.
 *
 * Why `messages.pk INTEGER PRIMARY KEY`: messages_fts is an external-content index keyed by the
 * content table's rowid. Without an explicit INTEGER PRIMARY KEY, VACUUM may renumber rowids and
 * silently detach every FTS row from its message. `id` (a UUID) stays the public key.
 */
export const migration001: Migration = {
  version: 1,
  name: "initial",
  sql: `
    CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      mode TEXT NOT NULL DEFAULT 'private' CHECK (mode IN ('private','hybrid','cloud')),
      strategy TEXT NOT NULL DEFAULT 'sketch-refine',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX conversations_updated ON conversations(updated_at DESC);

    CREATE TABLE messages (
      pk INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('user','assistant','system')),
      content TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('streaming','done','stopped','interrupted','error')),
      error TEXT,
      model_id TEXT,
      tokens INTEGER,
      tps REAL,
      ttft_ms REAL,
      created_at INTEGER NOT NULL,
      UNIQUE (conversation_id, seq)
    );
    -- Start-up looks for answers left 'streaming' by a crash; without this it scans every message.
    CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';

    CREATE TABLE message_stages (
      message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      content TEXT NOT NULL,
      meta TEXT,
      PRIMARY KEY (message_id, kind)
    );

    -- prefix='3 4': the last word of a search matches as a prefix while the user types. Without
    -- these indexes FTS5 merges the index entries of every word sharing the prefix ("the*":
    -- the, then, there, these, they…) before returning a row: 20-500 ms for common words in a
    -- million messages; with them, under 1 ms. They double the index (a quarter more for the
    -- whole file). Longer prefixes match fewer documents and merge in a few ms; indexing 5 and
    -- 6 too cut search CPU by a third but doubled the cost of every append (docs/BENCHMARKS.md).
    CREATE VIRTUAL TABLE messages_fts USING fts5(
      content, content='messages', content_rowid='pk', tokenize='unicode61 remove_diacritics 2', prefix='3 4'
    );
    CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
      INSERT INTO messages_fts(rowid, content) VALUES (new.pk, new.content);
    END;
    CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.pk, old.content);
    END;
    -- WHEN: finishing an answer often rewrites the text it already had; skip re-indexing then.
    CREATE TRIGGER messages_au AFTER UPDATE OF content ON messages WHEN old.content IS NOT new.content BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.pk, old.content);
      INSERT INTO messages_fts(rowid, content) VALUES (new.pk, new.content);
    END;

    CREATE TABLE models (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      path TEXT NOT NULL UNIQUE,
      source TEXT NOT NULL DEFAULT 'file',
      sha256 TEXT,
      size INTEGER NOT NULL,
      meta TEXT NOT NULL DEFAULT '{}',
      added_at INTEGER NOT NULL
    );

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
