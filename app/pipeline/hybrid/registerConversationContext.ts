import { registerContext, type PrivacyVault, type PrivateTerm } from "../../privacy";

/** A conversation's private context as Hybrid registers it: typed profile terms and free texts. */
export interface ConversationContext {
  /** Profile name, family, city, "always private" terms. */
  terms: readonly PrivateTerm[];
  /** Profile job, health notes, free text; each enabled note or document. */
  texts: readonly string[];
}

/**
 * Registers the private context in the vault as context-derived terms (no placeholder number
 * until first sent). Hybrid (ConversationVaults) and `cli sanitize --jsonl` with "context" use
 * this one function, so a batch check sanitizes exactly the way Hybrid does.
 */
export function registerConversationContext(vault: PrivacyVault, context: ConversationContext, locale: string): void {
  vault.registerTerms(context.terms, "context");
  for (const text of context.texts) registerContext(vault, text, { locale });
}
