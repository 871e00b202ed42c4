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
/** Vaults kept in memory; a conversation beyond them is loaded from the database again. */
const MEMO_LIMIT = 16;

export class ConversationVaults {
  private readonly store: VaultStore;
  private readonly registered = new Map<string, Registered>();
  /** Registered in memory but not saved yet: only a saved vault may be trusted to hold them. */
  private readonly pending = new Map<string, string>();
  /**
   * The last saved vault of each conversation, reused while it is what is stored: a new
   * vault object means rebuilding its term matcher (most of sanitize's cost for a 2 KB sketch
   * when the context is large — issue #11's speed target).
   */
  private readonly memo = new Map<string, PrivacyVault>();

  constructor(db: Database.Database) {
    this.store = new VaultStore(db);
  }

  load(conversationId: string, contextTerms: ContextTermsSource | null, locale: string): PrivacyVault {
    const vault = this.current(conversationId);
    if (!contextTerms) return vault;
    const { terms, texts } = contextTerms(conversationId);
    const digest = digestOf(terms, texts, locale);
    const last = this.registered.get(conversationId);
    if (last && last.digest === digest && vault.size >= last.size) return vault;
    registerConversationContext(vault, { terms, texts }, locale);
    this.pending.set(conversationId, digest);
    return vault;
  }

  /**
   * Persists new placeholders before anything using them leaves, so they stay stable. Throws
   * VaultConflictError (nothing written) if another writer saved this conversation's vault since
   * it was loaded: load again and sanitize again.
   */
  save(vault: PrivacyVault): void {
    this.memo.delete(vault.conversationId);
    this.store.save(vault);
    this.memo.set(vault.conversationId, vault);
    // Map order is insertion order: the first key is the conversation saved longest ago.
    if (this.memo.size > MEMO_LIMIT) this.memo.delete(this.memo.keys().next().value!);
    const digest = this.pending.get(vault.conversationId);
    if (digest === undefined) return;
    this.pending.delete(vault.conversationId);
    this.registered.set(vault.conversationId, { digest, size: vault.size });
  }

  /** The memo if it is what is stored (same version, nothing unsaved), else a fresh load. */
  private current(conversationId: string): PrivacyVault {
    const hit = this.memo.get(conversationId);
    return hit && this.store.isCurrent(hit) ? hit : this.store.load(conversationId);
  }
}

function digestOf(terms: readonly PrivateTerm[], texts: readonly string[], locale: string): string {
  const hash = createHash("sha256").update(locale);
  for (const term of terms) hash.update(`\0t${term.type ?? ""}\0${term.text}`);
  for (const text of texts) hash.update(`\0x${text}`);
  return hash.digest("hex");
}
