/**
 * What a request to the outside world is, as the egress gate checks, records and hands to its
 * sender. Its own module so that the gate and the payload writer (wirePayload) share it without
 * importing each other.
 */
import type { EgressKind } from "../contract/types";
import type { SanitizedText } from "../privacy";
import type { AppText } from "./appTexts";

type Role = "system" | "user" | "assistant";

/** The app's own constant text: not scanned as user data, but checked to be exactly one of the app texts. */
export interface AppMessage {
  role: Role;
  content: AppText;
  constant: true;
}

/** User text that went through the sanitizer: the only user text `EgressGate.send` accepts (Hybrid, proxy). */
export interface SanitizedMessage {
  role: Role;
  content: SanitizedText;
  constant?: false;
}

/** User text as typed: only `EgressGate.dangerouslySendUnsanitized` (Cloud mode) accepts it. */
export interface PlainMessage {
  role: Role;
  content: string;
  constant?: false;
}

/** A message of a request that `EgressGate.send` accepts. */
export type OutboundMessage = AppMessage | SanitizedMessage;

/** Every field of an outbound request, for any kind of message. */
export interface OutboundRequestOf<M extends AppMessage | PlainMessage> {
  conversationId: string | null;
  messageId: string | null;
  /** Where the request goes, e.g. "https://api.openai.com/v1/chat/completions". */
  endpoint: string;
  model: string;
  messages: M[];
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

/** A request whose user text is all `SanitizedText` (or none): what `EgressGate.send` takes. */
export type OutboundRequest = OutboundRequestOf<OutboundMessage>;

/** A request with user text as typed: what `EgressGate.dangerouslySendUnsanitized` takes (Cloud mode only). */
export type UnsanitizedRequest = OutboundRequestOf<AppMessage | PlainMessage>;
