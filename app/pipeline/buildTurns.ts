import { TandemError } from "../contract/errors";
import type { Message } from "../contract/types";
import type { ChatTurn, LocalModel } from "../model/LocalModel";

export const SYSTEM_PROMPT =
  "You are Tandem, a private assistant running on the user's own computer. Answer helpfully and concisely. " +
  "Use Markdown where it helps.";

/**
 * The turns the local model sees: the system prompt plus the conversation, oldest turns dropped
 * first so that prompt + answer fit the model's context. Failed or empty answers are left out.
 */
export function buildTurns(
  messages: readonly Message[],
  model: Pick<LocalModel, "contextSize" | "countTokens">,
  maxAnswerTokens: number,
  /** Private context for the system prompt (profile, passages); "" for none. */
  contextBlock = "",
): ChatTurn[] {
  const system = contextBlock ? `${SYSTEM_PROMPT}\n\n${contextBlock}` : SYSTEM_PROMPT;
  const history: ChatTurn[] = messages
    .filter((m) => m.role !== "system" && m.content.length > 0 && m.status !== "error")
    .map((m) => ({ role: m.role, content: m.content }));
  const budget = model.contextSize - Math.min(maxAnswerTokens, Math.floor(model.contextSize / 2));
  let used = model.countTokens(system) + PER_TURN_OVERHEAD;
  let keepFrom = history.length;
  while (keepFrom > 0) {
    const cost = model.countTokens(history[keepFrom - 1]!.content) + PER_TURN_OVERHEAD;
    if (used + cost > budget && keepFrom < history.length) break;
    used += cost;
    keepFrom -= 1;
  }
  if (used > budget) {
    throw new TandemError(
      "too_large",
      `This message is too long for the model's context (about ${used} tokens; the limit is ${budget}). Shorten it, or raise the context size in Settings.`,
    );
  }
  return [{ role: "system", content: system }, ...history.slice(keepFrom)];
}

/** Tokens a chat template adds around each turn (role markers); generous for common templates. */
const PER_TURN_OVERHEAD = 8;
