import { createHash } from "node:crypto";
import type { ChatRequest } from "./parseChatRequest";

/**
 * The vault a request belongs to: the client's `X-Tandem-Conversation`, else its first user
 * message (the same in every turn of a multi-turn chat, so placeholders stay consistent). Hashed:
 * the id is stored beside the vault and in the privacy log, and must not carry the message text.
 */
export function conversationId(request: ChatRequest, header: string | undefined): string {
  const key = header?.trim()
    ? `header\0${header.trim()}`
    : `first-user\0${request.messages.find((m) => m.role === "user")?.content ?? ""}`;
  return `proxy-${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
}
