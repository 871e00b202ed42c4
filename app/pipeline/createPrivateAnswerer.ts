import type { MessageStage } from "../contract/types";
import type { Answerer } from "./Answerer";
import { buildTurns } from "./buildTurns";

/** What the local model should know about the user for this message, found on the device. */
export interface LocalContextSource {
  /** A system-prompt block (profile + relevant passages) within `budgetTokens`, and what was used. */
  forMessage(input: { conversationId: string; query: string; budgetTokens: number; countTokens: (text: string) => number }): {
    promptBlock: string;
    stage: MessageStage | null;
  };
}

/** Share of the model's context the private context block may take. */
export const CONTEXT_BUDGET_SHARE = 0.35;

/**
 * Private mode: the local model answers, with the user's private context; nothing leaves. When
 * the history ends with an answer (Continue), the model writes on from it and returns the new text.
 */
export function createPrivateAnswerer(context: LocalContextSource | null): Answerer {
  return async ({ conversation, history, model, maxTokens, signal, onText, onProgress }) => {
    const query = history.findLast((m) => m.role === "user")?.content ?? "";
    onProgress("context");
    const budgetTokens = Math.floor(model.contextSize * CONTEXT_BUDGET_SHARE);
    const used = context?.forMessage({ conversationId: conversation.id, query, budgetTokens, countTokens: (t) => model.countTokens(t) });
    const turns = buildTurns(history, model, maxTokens, used?.promptBlock ?? "");
    const result = await model.generate({ turns, maxTokens, signal, onText: (piece) => onText(piece, "answer") });
    return {
      text: result.text,
      status: result.stopReason === "aborted" ? "stopped" : "done",
      stats: { tokens: result.tokens, tokensPerSecond: result.tokensPerSecond, timeToFirstTokenMs: result.timeToFirstTokenMs },
      stages: used?.stage ? [used.stage] : [],
      cutAtLimit: result.stopReason === "maxTokens",
    };
  };
}
