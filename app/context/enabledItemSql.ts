/**
 * The one rule for "is this item on in this conversation", shared by retrieval, the privacy
 * terms and the UI list so they can never disagree. Expects `context_items i` LEFT JOINed with
 * `conversation_context cc ON cc.conversation_id = @conversationId AND cc.item_id = i.id`.
 *
 * An explicit toggle wins; without one, global items and the conversation's own items are on.
 * With `@conversationId` NULL (no conversation) only global items are on.
 */
export const ENABLED_IN_CONVERSATION =
  "COALESCE(cc.enabled, i.scope = 'global' OR i.conversation_id IS @conversationId) = 1";

export const JOIN_TOGGLES =
  "LEFT JOIN conversation_context cc ON cc.conversation_id = @conversationId AND cc.item_id = i.id";
