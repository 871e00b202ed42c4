import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { CloudMessage } from "./types";

export interface ChatBodyOptions {
  /** Sent as `max_tokens`; absent = the provider's own limit. */
  maxTokens?: number;
  /** Absent = the provider's default. */
  temperature?: number;
}

/**
 * The JSON body of one streamed chat completion, field for field and in the order sent. The
 * provider sends it and the egress gate records `JSON.stringify` of the same object, so the
 * privacy log's "exact payload" is byte for byte what went over the wire (issue #12, item 8).
 */
export function chatRequestBody(
  model: string,
  messages: readonly CloudMessage[],
  options: ChatBodyOptions = {},
): ChatCompletionCreateParamsStreaming {
  return {
    model,
    messages: messages.map(({ role, content }) => ({ role, content })),
    stream: true,
    stream_options: { include_usage: true },
    ...(options.maxTokens !== undefined ? { max_tokens: options.maxTokens } : {}),
    ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
  };
}
