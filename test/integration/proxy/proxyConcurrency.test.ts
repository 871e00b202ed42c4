import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { echoLastUserMessage } from "../../helpers/recordingCloud";
import { startProxyHarness } from "./proxyHarness";

const FIRST = ["Anna", "Gary", "Camille", "Lukas", "Sophie", "Martin", "Claire", "Jonas", "Emma", "Pierre"];
const LAST = ["Weber", "Thompson", "Dubois", "Schneider", "Martin"];
const CLIENTS = 50;

/** Client i's message: its own person and e-mail address. */
function messageOf(i: number): { text: string; values: string[] } {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const email = `${first}.${last}.${i}@example.org`.toLowerCase();
  return {
    text: `Please write a short note to ${first} ${last} and copy ${email}.`,
    values: [`${first} ${last}`, email],
  };
}

describe("50 concurrent streaming clients through the privacy proxy", () => {
  let h: Awaited<ReturnType<typeof startProxyHarness>>;

  beforeAll(async () => {
    h = await startProxyHarness({ reply: echoLastUserMessage, chunkDelayMs: 2 });
  });

  afterAll(async () => h.close());

  it("gives each client exactly its own restored answer: no vault crosses between conversations, nothing is lost", async () => {
    const messages = Array.from({ length: CLIENTS }, (_, i) => messageOf(i));
    const answers = await Promise.all(
      messages.map(async ({ text }, i) => {
        const client = new OpenAI({
          baseURL: h.baseUrl,
          apiKey: h.token,
          maxRetries: 0,
          defaultHeaders: { "User-Agent": `load-client-${i}` },
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
    expect(answers).toEqual(messages.map((m) => m.text));
    expect(h.cloud.requests).toHaveLength(CLIENTS);
    const received = h.cloud.receivedText();
    for (const { values } of messages) for (const value of values) expect(received).not.toContain(value);
    // Every conversation got its own vault, so each one starts at [PERSON_1] and [EMAIL_1].
    for (const request of h.cloud.requests) {
      const body = request.json as { messages: Array<{ content: string }> };
      expect(body.messages[0]!.content).toBe("Please write a short note to [PERSON_1] and copy [EMAIL_1].");
    }
  }, 60_000);
});
