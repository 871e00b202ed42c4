import type { Database } from "better-sqlite3";
import { PrivacyVault } from "./PrivacyVault";
import type { PrivateType, VaultEntry, VaultOrigin } from "./types";
import { VaultConflictError } from "./VaultConflictError";

interface VaultRow {
  placeholder: string;
  type: string;
  value: string;
  variants: string;
  origin: string;
  capital_only: number;
}

/** What a vault object was built from: the stored version, and its own version then. */
interface Base {
  stored: number;
  local: number;
}

/**
 * The stored version each vault object was loaded (or last saved) at. Module-wide, not per
 * store: a vault loaded through one VaultStore may be saved through another on the same file.
 */
const bases = new WeakMap<PrivacyVault, Base>();

/**
 * Persists vaults in the `vault` table (migration 002). The values never leave the device;
 * this is the only code that reads them back.
 *
 * Two writers (two processes on one data folder, or two vault objects in one process) may
 * sanitize the same conversation at once, and each would number its new values from the same
 * last placeholder. Saves are therefore optimistic (migration 007): `save` writes only over the
 * version its vault was loaded at, else throws VaultConflictError and writes nothing; the caller
 * reloads (the other writer's entries included) and sanitizes again before anything leaves.
 */
export class VaultStore {
  constructor(private readonly db: Database) {}

  /** The conversation's vault; an empty one if it has none yet. */
  load(conversationId: string): PrivacyVault {
    // One read transaction: the rows and the version they are at.
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          "SELECT placeholder, type, value, variants, origin, capital_only FROM vault WHERE conversation_id = ? ORDER BY created_at, rowid",
        )
        .all(conversationId) as VaultRow[];
      const vault = new PrivacyVault(conversationId, rows.map(toEntry));
      bases.set(vault, { stored: this.version(conversationId), local: vault.version });
      return vault;
    })();
  }

  /**
   * Writes every entry (new ones inserted, known ones updated with new variants and case flag). Registered
   * terms are stored under an "unsent:" key until they get their number; that row is renamed
   * in place then, so it keeps its position (the first entity to claim a spelling keeps it).
   * Nothing to write if the vault is unchanged since it was loaded or saved. Throws
   * VaultConflictError, writing nothing, if another writer saved the conversation's vault since
   * (a vault this store did not load counts as loaded at "no vault yet").
   */
  save(vault: PrivacyVault): void {
    const base = bases.get(vault);
    if (base && base.local === vault.version) return;
    const rename = this.db.prepare(
      "UPDATE vault SET placeholder = @to WHERE conversation_id = @conversationId AND placeholder = @from",
    );
    const upsert = this.db.prepare(
      `INSERT INTO vault (conversation_id, placeholder, type, value, variants, origin, capital_only, created_at)
       VALUES (@conversationId, @placeholder, @type, @value, @variants, @origin, @capitalOnly, @createdAt)
       ON CONFLICT (conversation_id, placeholder) DO UPDATE SET variants = excluded.variants, capital_only = excluded.capital_only`,
    );
    const now = Date.now();
    // IMMEDIATE: the write lock is taken before the version is read, so no writer slips in between.
    this.db
      .transaction(() => {
        if (this.version(vault.conversationId) !== (base?.stored ?? 0))
          throw new VaultConflictError(vault.conversationId);
        for (const r of vault.takeRenames()) rename.run({ conversationId: vault.conversationId, ...r });
        for (const e of vault.entries()) {
          upsert.run({
            conversationId: vault.conversationId,
            placeholder: e.placeholder,
            type: e.type,
            value: e.value,
            variants: JSON.stringify(e.variants),
            origin: e.origin,
            capitalOnly: e.capitalOnly ? 1 : 0,
            createdAt: now,
          });
        }
        bases.set(vault, { stored: this.version(vault.conversationId), local: vault.version });
      })
      .immediate();
  }

  /**
   * The conversation's stored version (migration 007): it moves whenever any writer adds,
   * removes or renumbers one of its rows. 0 = it never had a vault.
   */
  version(conversationId: string): number {
    const row = this.db.prepare("SELECT version FROM vault_versions WHERE conversation_id = ?").get(conversationId) as
      { version: number } | undefined;
    return row?.version ?? 0;
  }

  /** Whether `vault` holds everything stored for its conversation and nothing unsaved (it can be reused as is). */
  isCurrent(vault: PrivacyVault): boolean {
    const base = bases.get(vault);
    return base !== undefined && base.local === vault.version && base.stored === this.version(vault.conversationId);
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
    ...(row.capital_only === 1 ? { capitalOnly: true } : {}),
  };
}
