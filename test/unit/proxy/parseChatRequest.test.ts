import { describe, expect, it } from "vitest";
import { conversationId } from "../../../app/proxy/conversationId";
import { parseChatRequest } from "../../../app/proxy/parseChatRequest";

describe("the proxy's reading of an OpenAI chat request", () => {
  it("keeps text messages, maps the developer role to system and joins text parts", () => {
    const request = parseChatRequest({
      model: "gpt-4o-mini",
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 50,
      messages: [
        { role: "developer", content: "Be brief." },
        {
          role: "user",
          content: [
            { type: "text", text: "Hi" },
            { type: "text", text: "there" },
          ],
        },
      ],
    });
    expect(request).toEqual({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi\nthere" },
      ],
      stream: true,
      includeUsage: true,
      maxTokens: 50,
    });
  });

  it("refuses images and tool calls, which cannot be sanitized, with a message that says what it forwards", () => {
    expect(() =>
      parseChatRequest({ messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "x" } }] }] }),
    ).toThrow(/text messages/);
    expect(() => parseChatRequest({ messages: [{ role: "user", content: "Hi" }], tools: [] })).toThrow(
      /tool calls are not supported/,
    );
    expect(() => parseChatRequest({ messages: [] })).toThrow(/messages/);
  });

  it("keys a conversation by its first user message, so later turns share the vault, and never puts the text in the id", () => {
    const first = parseChatRequest({ messages: [{ role: "user", content: "Write to Anna Weber." }] });
    const later = parseChatRequest({
      messages: [
        { role: "system", content: "Be kind." },
        { role: "user", content: "Write to Anna Weber." },
        { role: "assistant", content: "Done." },
        { role: "user", content: "Shorter." },
      ],
    });
    const other = parseChatRequest({ messages: [{ role: "user", content: "Write to Tom Berg." }] });
    expect(conversationId(later, undefined)).toBe(conversationId(first, undefined));
    expect(conversationId(other, undefined)).not.toBe(conversationId(first, undefined));
    expect(conversationId(first, undefined)).toMatch(/^proxy-[0-9a-f]{32}$/);
    expect(conversationId(first, "chat-7")).toBe(conversationId(other, "chat-7"));
  });
});
