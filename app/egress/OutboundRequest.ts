/**
 * What a request to the outside world is, as the egress gate checks, records and hands to its
 * sender. Its own module so that the gate and the payload writer (wirePayload) share it without
 * importing each other.
 */
import type { EgressKind } from "../contract/types";
import type { SanitizedText } from "../privacy";
import type { AppText } from "./appTexts";

/** A message of an outbound request: the app's own constant text, or user text (sanitized in Hybrid). */
export type OutboundMessage =
  | { role: "system" | "user" | "assistant"; content: AppText; constant: true }
  | { role: "system" | "user" | "assistant"; content: SanitizedText | string; constant?: false };

export interface OutboundRequest {
  conversationId: string | null;
  messageId: string | null;
  /** Where the request goes, e.g. "https://api.openai.com/v1/chat/completions". */
  endpoint: string;
  model: string;
  messages: OutboundMessage[];
  /** The app that asked, for requests from the privacy proxy (its User-Agent); recorded with the check. */
  client?: string;
  /** Default "chat" when there are messages, else "connection-test". */
  kind?: EgressKind;
  /** The HTTP method of a request without a body of ours (download, header check); default "GET". */
  method?: string;
  /** A chat's `max_tokens` and `temperature`: part of the exact body recorded and sent (issue #12). */
  maxTokens?: number;
  temperature?: number;
}
