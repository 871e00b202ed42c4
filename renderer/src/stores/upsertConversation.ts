import type { ConversationSummary } from "../../../app/contract/types";

/** Inserts or replaces a conversation and keeps the list newest first (by last activity). */
export function upsertConversation(
  list: readonly ConversationSummary[],
  summary: ConversationSummary,
): ConversationSummary[] {
  return sortNewestFirst([...list.filter((c) => c.id !== summary.id), summary]);
}

export function sortNewestFirst(list: readonly ConversationSummary[]): ConversationSummary[] {
  return [...list].sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt);
}
