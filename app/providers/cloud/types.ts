/**
 * The cloud provider's public types. The provider is a plain transport (messages in, text out);
 * it sends only a `GatedRequest`, so every call passes the egress gate, which decides what may leave.
 */
import type { Logger } from "../../logging/Logger";

export interface CloudSettings {
  /** Any OpenAI-compatible endpoint, including the version path, e.g. "https://api.openai.com/v1". */
  baseUrl: string;
  /** The model id the endpoint knows, e.g. "gpt-4o-mini". */
  model: string;
  /** Sent as `Authorization: Bearer …`; null = send no Authorization header (local servers). */
  apiKey: string | null;
  /**
   * The longest wait for the response to start, or for the next piece of a stream (so a long
   * answer that keeps streaming never times out). Default 60 000 ms.
   */
  timeoutMs?: number;
}

export interface CloudProviderDeps {
  /** The fetch the SDK uses; default the global fetch. Hosts may pass one that enforces offline mode. */
  fetch?: typeof fetch;
  /** Receives host, model, byte counts, timings and status — never messages or keys. */
  logger: Logger;
}

export interface CloudMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** How to stream a gated request (its messages, `max_tokens` and `temperature` travel in the request). */
export interface StreamChatOptions {
  /** Aborting resolves with the text so far and finishReason "aborted"; it never throws. */
  signal?: AbortSignal;
  /** Called with each non-empty piece of text as it arrives. */
  onText?: (text: string) => void;
}

/** "stop" also stands for a finish reason this provider does not know (some servers invent their own). */
export type CloudFinishReason = "stop" | "length" | "content_filter" | "tool_calls" | "aborted";

export interface CloudUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface StreamChatResult {
  text: string;
  finishReason: CloudFinishReason;
  /** Present when the endpoint reports usage (requested with `stream_options.include_usage`). */
  usage?: CloudUsage;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** The ids `/models` listed, sorted; absent when the endpoint does not list models. */
  models?: string[];
  /** A sentence for the user, e.g. "Connected to api.openai.com: 42 models available, including "gpt-4o-mini"." */
  message: string;
}
