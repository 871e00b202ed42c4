import { z } from "zod";
import { TandemError } from "../contract/errors";

/** The part of an OpenAI chat request the proxy understands; other fields are ignored. */
export interface ChatRequest {
  messages: Array<{ role: "system" | "user" | "assistant"; content: string }>;
  stream: boolean;
  includeUsage: boolean;
  maxTokens?: number;
  temperature?: number;
}

const textPart = z.object({ type: z.literal("text"), text: z.string() });
const content = z.union([z.string(), z.array(textPart)]);
const message = z.object({ role: z.enum(["system", "developer", "user", "assistant"]), content: content.nullable() });
const schema = z.object({
  model: z.string().optional(),
  messages: z.array(message).min(1).max(1000),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  tools: z.unknown().optional(),
});

/**
 * Validates a `POST /v1/chat/completions` body. Text only: image/audio parts and tool calls
 * cannot be sanitized, so they are refused with a message saying so rather than forwarded.
 */
export function parseChatRequest(body: unknown): ChatRequest {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new TandemError(
      "invalid_request",
      `The request is not a chat completion Tandem's proxy can forward${where}: ${issue?.message ?? "invalid"}. Send text messages (system/user/assistant) only.`,
    );
  }
  const value = parsed.data;
  if (value.tools !== undefined)
    throw new TandemError(
      "invalid_request",
      "Tandem's privacy proxy forwards text chats only; tool calls are not supported.",
    );
  return {
    // "developer" is OpenAI's newer name for the system role; every upstream knows "system".
    messages: value.messages.map((m) => ({
      role: m.role === "developer" ? "system" : m.role,
      content: textOf(m.content),
    })),
    stream: value.stream === true,
    includeUsage: value.stream_options?.include_usage === true,
    ...((value.max_completion_tokens ?? value.max_tokens)
      ? { maxTokens: (value.max_completion_tokens ?? value.max_tokens)! }
      : {}),
    ...(value.temperature != null ? { temperature: value.temperature } : {}),
  };
}

function textOf(content: string | Array<{ text: string }> | null): string {
  if (content === null) return "";
  return typeof content === "string" ? content : content.map((p) => p.text).join("\n");
}
