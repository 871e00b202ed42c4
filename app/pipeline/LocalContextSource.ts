import type { MessageStage } from "../contract/types";
import type { LocalModel } from "../model/LocalModel";

/** What the local model should know about the user for this message, found on the device. */
export interface LocalContextSource {
  /** A system-prompt block (profile + relevant passages) within `budgetTokens`, and what was used. */
  forMessage(input: {
    conversationId: string;
    query: string;
    budgetTokens: number;
    countTokens: (text: string) => number;
  }): {
    promptBlock: string;
    stage: MessageStage | null;
  };
}

/** Share of the model's context the private context block may take. */
export const CONTEXT_BUDGET_SHARE = 0.35;

/** The private context for one message, for the LOCAL model only. */
export interface LocalContext {
  /** The system-prompt block; "" for none. */
  promptBlock: string;
  /** The `context` stage (what was used), or null when nothing was. */
  stage: MessageStage | null;
}

/**
 * The context block for `query` within the budget (a share of the model's context, counted by
 * its tokenizer): the one place the Private and Hybrid answerers get it from.
 */
export function gatherLocalContext(
  source: LocalContextSource | null,
  input: { conversationId: string; query: string; model: Pick<LocalModel, "contextSize" | "countTokens"> },
): LocalContext {
  const { model } = input;
  const budgetTokens = Math.floor(model.contextSize * CONTEXT_BUDGET_SHARE);
  const used = source?.forMessage({
    conversationId: input.conversationId,
    query: input.query,
    budgetTokens,
    countTokens: (t) => model.countTokens(t),
  });
  return { promptBlock: used?.promptBlock ?? "", stage: used?.stage ?? null };
}
