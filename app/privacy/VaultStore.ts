import type { Database } from "better-sqlite3";
import { PrivacyVault } from "./PrivacyVault";
import type { PrivateType, VaultEntry, VaultOrigin } from "./types";

interface VaultRow {
  placeholder: string;
  type: string;
  value: string;
  variants: string;
  origin: string;
}

/**
 * Persists vaults in the `vault` table (migration 002). The values never leave the device;
 * this is the only code that reads them back.
 */
export class VaultStore {
  constructor(private readonly db: Database) {}

  /** The conversation's vault; an empty one if it has none yet. */
  load(conversationId: string): PrivacyVault {
    const rows = this.db
      .prepare(
        "SELECT placeholder, type, value, variants, origin FROM vault WHERE conversation_id = ? ORDER BY created_at, rowid",
      )
      .all(conversationId) as VaultRow[];
    return new PrivacyVault(conversationId, rows.map(toEntry));
  }

  /**
   * Writes every entry (new ones inserted, known ones updated with new variants). Registered
   * terms are stored under an "unsent:" key until they get their number; that row is renamed
   * in place then, so it keeps its position (the first entity to claim a spelling keeps it).
   */
  save(vault: PrivacyVault): void {
    const rename = this.db.prepare(
      "UPDATE vault SET placeholder = @to WHERE conversation_id = @conversationId AND placeholder = @from",
    );
    const upsert = this.db.prepare(
      `INSERT INTO vault (conversation_id, placeholder, type, value, variants, origin, created_at)
       VALUES (@conversationId, @placeholder, @type, @value, @variants, @origin, @createdAt)
       ON CONFLICT (conversation_id, placeholder) DO UPDATE SET variants = excluded.variants`,
    );
    const now = Date.now();
    const renames = vault.takeRenames();
    this.db.transaction(() => {
      for (const r of renames) rename.run({ conversationId: vault.conversationId, ...r });
      for (const e of vault.entries()) {
        upsert.run({
          conversationId: vault.conversationId,
          placeholder: e.placeholder,
          type: e.type,
          value: e.value,
          variants: JSON.stringify(e.variants),
          origin: e.origin,
          createdAt: now,
        });
      }
    })();
  }

  /**
   * A cheap fingerprint of the conversation's stored rows (count and newest rowid): equal
   * fingerprints mean nobody else added or removed rows since, so a vault kept in memory is current.
   */
  stamp(conversationId: string): string {
    const row = this.db
      .prepare("SELECT count(*) AS n, max(rowid) AS r FROM vault WHERE conversation_id = ?")
      .get(conversationId) as { n: number; r: number | null };
    return `${row.n}:${row.r ?? 0}`;
  }

  /** Whether the conversation has any vault entries. */
  has(conversationId: string): boolean {
    return this.db.prepare("SELECT 1 FROM vault WHERE conversation_id = ? LIMIT 1").get(conversationId) !== undefined;
  }

  delete(conversationId: string): void {
    this.db.prepare("DELETE FROM vault WHERE conversation_id = ?").run(conversationId);
  }
}

function toEntry(row: VaultRow): VaultEntry {
  const variants = JSON.parse(row.variants) as unknown;
  return {
    placeholder: row.placeholder,
    type: row.type as PrivateType,
    value: row.value,
    variants: Array.isArray(variants) ? variants.filter((v): v is string => typeof v === "string") : [],
    origin: row.origin as VaultOrigin,
  };
}
