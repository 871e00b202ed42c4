import type { Migration } from "./Migration";

/**
 * Auto mode (issue #16): `conversations.mode` may be 'auto'. SQLite cannot alter a CHECK
 * constraint, so the table is rebuilt by SQLite's documented procedure (ALTER TABLE, "Making
 * Other Kinds Of Table Schema Changes"): with foreign keys off (`foreignKeysOff`, set by the
 * runner outside the transaction) so that dropping the old table cascades to no message,
 * context item or attachment; its index and its trigger are made again; the runner runs
 * `foreign_key_check` before committing.
 */
export const migration005: Migration = {
  version: 5,
  name: "auto_mode",
  foreignKeysOff: true,
  sql: `
    CREATE TABLE conversations_new (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      mode TEXT NOT NULL DEFAULT 'private' CHECK (mode IN ('private','hybrid','cloud','auto')),
      strategy TEXT NOT NULL DEFAULT 'sketch-refine',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    INSERT INTO conversations_new (id, title, mode, strategy, created_at, updated_at)
      SELECT id, title, mode, strategy, created_at, updated_at FROM conversations;
    DROP TABLE conversations;
    ALTER TABLE conversations_new RENAME TO conversations;
    CREATE INDEX conversations_updated ON conversations(updated_at DESC);
    CREATE TRIGGER conversations_delete_vault AFTER DELETE ON conversations BEGIN
      DELETE FROM vault WHERE conversation_id = old.id;
    END;
  `,
};
