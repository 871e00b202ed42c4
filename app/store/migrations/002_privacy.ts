import type { Migration } from "./Migration";

/**
 * The privacy vault (one row per placeholder per conversation; the values stay on the device)
 * and the egress audit log (every request allowed to leave, with the exact payload sent).
 * No foreign key on vault.conversation_id: the CLI keeps vaults for conversations that exist
 * only there; a trigger removes a deleted conversation's vault. Audit rows outlive their
 * conversation on purpose: they record what left the device, and hold no private values.
 */
export const migration002: Migration = {
  version: 2,
  name: "privacy",
  sql: `
    CREATE TABLE vault (
      conversation_id TEXT NOT NULL,
      placeholder TEXT NOT NULL,
      type TEXT NOT NULL,
      value TEXT NOT NULL,
      variants TEXT NOT NULL DEFAULT '[]',
      origin TEXT NOT NULL DEFAULT 'detected' CHECK (origin IN ('declared','context','detected')),
      created_at INTEGER NOT NULL,
      PRIMARY KEY (conversation_id, placeholder)
    );
    CREATE TRIGGER conversations_delete_vault AFTER DELETE ON conversations BEGIN
      DELETE FROM vault WHERE conversation_id = old.id;
    END;

    CREATE TABLE egress_log (
      id TEXT PRIMARY KEY,
      conversation_id TEXT,
      message_id TEXT,
      at INTEGER NOT NULL,
      endpoint TEXT NOT NULL,
      model TEXT NOT NULL,
      payload TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      "check" TEXT NOT NULL
    );
    CREATE INDEX egress_log_at ON egress_log(at DESC);
    CREATE INDEX egress_log_conversation ON egress_log(conversation_id, at);
  `,
};
