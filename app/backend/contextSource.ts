import type { ContextService } from "../context";
import { formatContextForPrompt } from "../context";
import type { LocalContextSource } from "../pipeline/LocalContextSource";

/** Private context for the local model's prompt, and a "context" stage recording what was used. */
export function contextSource(context: ContextService): LocalContextSource {
  return {
    forMessage({ conversationId, query, budgetTokens, countTokens }) {
      const retrieved = context.retrieveContext({ conversationId, query, budgetTokens, countTokens });
      const promptBlock = formatContextForPrompt(retrieved.profile, retrieved);
      if (!promptBlock) return { promptBlock, stage: null };
      const items = retrieved.items.map((item) => ({
        itemId: item.itemId,
        title: item.title,
        passages: item.passages.map((p) => ({ chunkId: p.chunkId, text: p.text })),
      }));
      return {
        promptBlock,
        stage: {
          kind: "context",
          content: "",
          meta: { profileUsed: retrieved.profile !== null, items, tokens: retrieved.tokens },
        },
      };
    },
  };
}
