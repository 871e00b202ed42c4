import type { PrivacyVault, SanitizeResult } from "../privacy";

/** How much the proxy remembers. Defaults: 200 conversations, 400 messages each. */
export interface SanitizedHistoryLimits {
  conversations: number;
  messagesPerConversation: number;
}

interface Remembered {
  result: SanitizeResult;
  /** placeholder → the value it stood for when the result was made. */
  values: ReadonlyMap<string, string>;
}

/**
 * The sanitized form of messages the proxy has already sanitized, per client conversation.
 * Chat apps send the whole history with every turn; without this each turn re-sanitized every
 * earlier message from scratch (two full scans each). A message is looked up by its exact role
 * and text, so a changed message is never served from here, and only while every placeholder
 * in it still stands for the same value in the conversation's vault. The caller re-checks what
 * it gets against the vault as it is now (resanitize), and the egress gate re-scans the whole
 * request anyway: this saves work, it is not a privacy decision.
 * Held in memory only (it holds the same values as the vault, which lives on this device).
 */
export class SanitizedHistory {
  private readonly conversations = new Map<string, Map<string, Remembered>>();

  constructor(private readonly limits: SanitizedHistoryLimits = { conversations: 200, messagesPerConversation: 400 }) {}

  get(conversation: string, key: string, vault: PrivacyVault): SanitizeResult | undefined {
    const messages = this.conversations.get(conversation);
    const hit = messages?.get(key);
    if (!messages || !hit) return undefined;
    // Least recently used last out: a conversation in use moves to the back.
    this.conversations.delete(conversation);
    this.conversations.set(conversation, messages);
    for (const [placeholder, value] of hit.values) {
      if (vault.get(placeholder)?.value !== value) {
        messages.delete(key);
        return undefined;
      }
    }
    return hit.result;
  }

  set(conversation: string, key: string, result: SanitizeResult, vault: PrivacyVault): void {
    let messages = this.conversations.get(conversation);
    if (!messages) {
      if (this.conversations.size >= this.limits.conversations)
        this.conversations.delete(this.conversations.keys().next().value as string);
      messages = new Map();
      this.conversations.set(conversation, messages);
    }
    const values = new Map<string, string>();
    for (const { placeholder } of result.replaced) {
      const value = vault.get(placeholder)?.value;
      if (value === undefined) return; // not a placeholder of this vault: nothing to remember safely
      values.set(placeholder, value);
    }
    messages.delete(key);
    if (messages.size >= this.limits.messagesPerConversation) messages.delete(messages.keys().next().value as string);
    messages.set(key, { result, values });
  }
}
