import type { Migration } from "./Migration";

/**
 * Vault terms that match only where written with a capital (issue #16, round 9): a word Auto
 * masked because it was capitalised ("Mint", a company) is not replaced as the lowercase word
 * ("mint tea") later in the conversation. 0 = any case, as every row before this migration.
 * Changing the flag moves the conversation's vault version (migration 007), like a renumbering,
 * so a writer holding the old flag reloads before it saves.
 */
export const migration011: Migration = {
  version: 11,
  name: "vault_capital_only",
  sql: `
    ALTER TABLE vault ADD COLUMN capital_only INTEGER NOT NULL DEFAULT 0 CHECK (capital_only IN (0, 1));
    CREATE TRIGGER vault_capital_only_version AFTER UPDATE OF capital_only ON vault
      WHEN old.capital_only <> new.capital_only BEGIN
      INSERT INTO vault_versions (conversation_id, version) VALUES (new.conversation_id, 1)
        ON CONFLICT (conversation_id) DO UPDATE SET version = version + 1;
    END;
  `,
};
