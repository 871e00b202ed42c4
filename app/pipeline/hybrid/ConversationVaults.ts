import type Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { VaultStore, type PrivacyVault, type PrivateTerm } from "../../privacy";
import { registerConversationContext } from "./registerConversationContext";

export type ContextTermsSource = (conversationId: string) => { terms: PrivateTerm[]; texts: string[] };

interface Registered {
  digest: string;
  /** Vault size right after registering; vaults only grow, so a smaller one lost entries. */
  size: number;
}

/**
 * Loads a conversation's vault with its private context registered as context-derived terms
 * (issue #6: every identifier-like item of the profile and attached documents), and saves it.
 * Scanning large documents on every message would take seconds, so registration is skipped when
 * the context is unchanged since the last time AND the stored vault still holds what it gave.
 */
export class ConversationVaults {
  private readonly store: VaultStore;
  private readonly registered = new Map<string, Registered>();
  /** Registered in memory but not saved yet: only a saved vault may be trusted to hold them. */
  private readonly pending = new Map<string, string>();
  /** Each loaded vault's revision as stored: entries never change once added, so equal = nothing to write. */
  private readonly storedRevision = new WeakMap<PrivacyVault, number>();

  constructor(db: Database.Database) {
    this.store = new VaultStore(db);
  }

  load(conversationId: string, contextTerms: ContextTermsSource | null, locale: string): PrivacyVault {
    const vault = this.store.load(conversationId);
    this.storedRevision.set(vault, vault.revision);
    if (!contextTerms) return vault;
    const { terms, texts } = contextTerms(conversationId);
    const digest = digestOf(terms, texts, locale);
    const last = this.registered.get(conversationId);
    if (last && last.digest === digest && vault.size >= last.size) return vault;
    registerConversationContext(vault, { terms, texts }, locale);
    this.pending.set(conversationId, digest);
    return vault;
  }

  /** Persists new placeholders before anything using them leaves, so they stay stable. */
  save(vault: PrivacyVault): void {
    if (this.storedRevision.get(vault) !== vault.revision) this.store.save(vault);
    this.storedRevision.set(vault, vault.revision);
    const digest = this.pending.get(vault.conversationId);
    if (digest === undefined) return;
    this.pending.delete(vault.conversationId);
    this.registered.set(vault.conversationId, { digest, size: vault.size });
  }
}

function digestOf(terms: readonly PrivateTerm[], texts: readonly string[], locale: string): string {
  const hash = createHash("sha256").update(locale);
  for (const term of terms) hash.update(`\0t${term.type ?? ""}\0${term.text}`);
  for (const text of texts) hash.update(`\0x${text}`);
  return hash.digest("hex");
}
