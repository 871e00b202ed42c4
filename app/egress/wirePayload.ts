import type { EgressKind } from "../contract/types";
import { chatRequestBody } from "../providers/cloud";
import type { FrozenRequest } from "./GatedRequest";

/** The request's kind; requests made before kinds existed were chats (with messages) or connection tests. */
export function kindOf(request: Pick<FrozenRequest, "kind" | "messages">): EgressKind {
  return request.kind ?? (request.messages.length > 0 ? "chat" : "connection-test");
}

/**
 * What the audit log records as "sent": for a chat the whole JSON body exactly as the provider
 * serializes it (`stream`, `stream_options`, `max_tokens` included); for a download, header check
 * or connection test — which carry no body of ours — the request line (method and URL).
 */
export function wirePayload(request: FrozenRequest): string {
  if (kindOf(request) !== "chat") return `${request.method ?? "GET"} ${request.endpoint}`;
  return JSON.stringify(
    chatRequestBody(
      request.model,
      request.messages.map((m) => ({ role: m.role, content: String(m.content) })),
      { maxTokens: request.maxTokens, temperature: request.temperature },
    ),
  );
}
