import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { echoLastUserMessage } from "../../helpers/recordingCloud";
import { startProxyHarness } from "./proxyHarness";

const NAMES = [
  "Anna Weber",
  "Gary Thompson",
  "Camille Dubois",
  "Lukas Schneider",
  "Sophie Martin",
  "Claire Fontaine",
  "Jonas Becker",
  "Emma Lindqvist",
];

describe("concurrent proxy requests in one conversation", () => {
  let h: Awaited<ReturnType<typeof startProxyHarness>>;

  beforeAll(async () => {
    h = await startProxyHarness({ reply: echoLastUserMessage, chunkDelayMs: 2 });
  });

  afterAll(async () => h.close());

  it("restores each answer to its own names, and the cloud sees one placeholder per person across the conversation", async () => {
    const texts = NAMES.map((name) => `Please write a short note to ${name} about the meeting.`);
    const answers = await Promise.all(
      texts.map(async (text, i) => {
        const client = new OpenAI({
          baseURL: h.baseUrl,
          apiKey: h.token,
          maxRetries: 0,
          defaultHeaders: { "User-Agent": `writer-${i}`, "X-Tandem-Conversation": "shared-chat" },
        });
        const stream = await client.chat.completions.create({
          model: "m",
          stream: true,
          messages: [{ role: "user", content: text }],
        });
        let answer = "";
        for await (const chunk of stream) answer += chunk.choices[0]?.delta.content ?? "";
        return answer;
      }),
    );
    expect(answers).toEqual(texts);
    const received = h.cloud.receivedText();
    for (const name of NAMES) expect(received).not.toContain(name);
    // What left: each request names its person by one placeholder, and no placeholder names two people.
    const sent = h.cloud.requests.map((r) => (r.json as { messages: Array<{ content: string }> }).messages[0]!.content);
    const placeholders = sent.map((text) => /\[PERSON_\d+\]/.exec(text)?.[0]);
    expect(placeholders.every(Boolean)).toBe(true);
    expect(new Set(placeholders).size).toBe(NAMES.length);
  }, 60_000);
});
