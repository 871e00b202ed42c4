/**
 * Private context (issue #6): plain-data shapes shared by the repos, retrieval and the hosts.
 * Everything here is JSON-safe so the lead can mirror it in app/contract for the UI.
 */

/**
 * The shapes the UI sees come from the contract (one definition): note = pasted text, document =
 * an imported file; scope global = available in every conversation unless turned off there.
 */
import type { ContextItemKind, ContextItemSummary } from "../contract/types";
export type { ContextItemKind, ContextItemSummary };
export type ContextScope = ContextItemSummary["scope"];

export interface ContextItem extends ContextItemSummary {
  text: string;
}

/** A context item as seen from one conversation, with its on/off state there. */
export interface ConversationContextItem extends ContextItemSummary {
  enabled: boolean;
}

export interface NewContextItem {
  title: string;
  text: string;
  /** Default "note". */
  kind?: ContextItemKind;
  /** Default null. */
  sourceName?: string | null;
  /** Default null ("text/plain" is implied for notes). */
  mime?: string | null;
  /** Attach to this conversation only; default null = a global item. */
  conversationId?: string | null;
}

/** Counts tokens the way the local model will (its tokenizer); `estimateTokens` is the default. */
export type CountTokens = (text: string) => number;

export interface RetrievedPassage {
  chunkId: number;
  text: string;
  /** bm25 relevance (higher is better; only comparable within one retrieval). */
  score: number;
}

export interface RetrievedItem {
  itemId: string;
  title: string;
  passages: RetrievedPassage[];
}
