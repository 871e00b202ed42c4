import type { Migration } from "./Migration";

/**
 * A version per conversation vault, for optimistic saves (two writers on one data folder: the
 * app's proxy and `cli proxy`, or the app and `cli sanitize`). Triggers count every row added,
 * removed or renumbered, so any writer — VaultStore, an import, a deleted conversation — moves
 * it. VaultStore.save refuses to write over a version other than the one its vault was loaded at.
 * Rewriting a row's variants (the upsert's DO UPDATE) changes no placeholder and is not counted.
 */
export const migration007: Migration = {
  version: 7,
  name: "vault_version",
  sql: `
    CREATE TABLE vault_versions (
      conversation_id TEXT PRIMARY KEY,
      version INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO vault_versions (conversation_id, version)
      SELECT conversation_id, count(*) FROM vault GROUP BY conversation_id;
    CREATE TRIGGER vault_insert_version AFTER INSERT ON vault BEGIN
      INSERT INTO vault_versions (conversation_id, version) VALUES (new.conversation_id, 1)
        ON CONFLICT (conversation_id) DO UPDATE SET version = version + 1;
    END;
    CREATE TRIGGER vault_delete_version AFTER DELETE ON vault BEGIN
      INSERT INTO vault_versions (conversation_id, version) VALUES (old.conversation_id, 1)
        ON CONFLICT (conversation_id) DO UPDATE SET version = version + 1;
    END;
    CREATE TRIGGER vault_renumber_version AFTER UPDATE OF conversation_id, placeholder, type, value ON vault BEGIN
      INSERT INTO vault_versions (conversation_id, version) VALUES (new.conversation_id, 1)
        ON CONFLICT (conversation_id) DO UPDATE SET version = version + 1;
    END;
  `,
};
