import { TandemError } from "../contract/errors";
import type { LocalModel } from "../model/LocalModel";
import type { ChatRequest } from "./parseChatRequest";
import type { ProxyAnswer } from "./ProxyAnswer";

/** Default answer length for local answers when the client sets no max_tokens. */
const DEFAULT_LOCAL_MAX_TOKENS = 512;

/**
 * Policy "local" (also in offline mode, since nothing leaves): the local model answers the
 * request as sent — nothing is sanitized because nothing leaves this device.
 */
export async function answerLocally(
  localModel: (() => Promise<LocalModel>) | null,
  request: ChatRequest,
  answer: ProxyAnswer,
): Promise<void> {
  if (!localModel)
    throw new TandemError(
      "no_model",
      "The proxy's policy has the local model answer this request, but no local model is set up. Add a .gguf model in Tandem's Settings → Models.",
    );
  const model = await localModel();
  const result = await model.generate({
    turns: request.messages,
    maxTokens: request.maxTokens ?? DEFAULT_LOCAL_MAX_TOKENS,
    signal: answer.signal,
    onText: (piece) => answer.push(piece),
  });
  const finishReason = result.stopReason === "maxTokens" ? "length" : "stop";
  const promptTokens = model.countTokens(request.messages.map((m) => m.content).join("\n"));
  answer.finish(finishReason, { promptTokens, completionTokens: result.tokens });
}
