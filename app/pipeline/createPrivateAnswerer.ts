import type { Answerer } from "./Answerer";
import { buildTurns } from "./buildTurns";
import { gatherLocalContext, type LocalContextSource } from "./LocalContextSource";

/**
 * Private mode: the local model answers, with the user's private context; nothing leaves. When
 * the history ends with an answer (Continue), the model writes on from it and returns the new text.
 */
export function createPrivateAnswerer(context: LocalContextSource | null): Answerer {
  return async ({ conversation, history, model, maxTokens, signal, onText, onProgress }) => {
    const query = history.findLast((m) => m.role === "user")?.content ?? "";
    onProgress("context");
    const used = gatherLocalContext(context, { conversationId: conversation.id, query, model });
    const turns = buildTurns(history, model, maxTokens, used.promptBlock);
    const result = await model.generate({ turns, maxTokens, signal, onText: (piece) => onText(piece, "answer") });
    return {
      text: result.text,
      status: result.stopReason === "aborted" ? "stopped" : "done",
      stats: {
        tokens: result.tokens,
        tokensPerSecond: result.tokensPerSecond,
        timeToFirstTokenMs: result.timeToFirstTokenMs,
      },
      stages: used.stage ? [used.stage] : [],
      cutAtLimit: result.stopReason === "maxTokens",
    };
  };
}
