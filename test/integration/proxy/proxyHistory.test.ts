import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { echoLastUserMessage } from "../../helpers/recordingCloud";
import { startProxyHarness } from "./proxyHarness";

const FIRST = "My landlord Gary Thompson has not fixed the heating since March.";
const EDITED = "My landlord Lena Fischer has not fixed the heating since March.";
const SECOND = "Write him a firm but polite reminder; cc anna.weber@example.com.";

type Message = { role: "user" | "assistant"; content: string };

describe("the privacy proxy across the turns of one chat (history sent again with every turn)", () => {
  let h: Awaited<ReturnType<typeof startProxyHarness>>;
  let client: OpenAI;

  beforeAll(async () => {
    h = await startProxyHarness({ reply: echoLastUserMessage });
    client = new OpenAI({
      baseURL: h.baseUrl,
      apiKey: h.token,
      maxRetries: 0,
      defaultHeaders: { "X-Tandem-Conversation": "history-test" },
    });
  });

  afterAll(async () => {
    await h.close();
  });

  async function send(messages: Message[]): Promise<{ answer: string; sent: Message[]; raw: string }> {
    const before = h.cloud.requests.length;
    const answer = await client.chat.completions.create({ model: "m", messages });
    const request = h.cloud.requests[before];
    return {
      answer: answer.choices[0]?.message.content ?? "",
      sent: (request?.json as { messages: Message[] }).messages,
      raw: request?.raw ?? "",
    };
  }

  it("sends an unchanged history message exactly as before, and an edited one as edited, never a private value", async () => {
    const turn1 = await send([{ role: "user", content: FIRST }]);
    expect(turn1.answer).toBe(FIRST);
    const firstSanitized = turn1.sent[0]?.content ?? "";
    expect(firstSanitized).toMatch(/\[PERSON_1\]/);

    const turn2 = await send([
      { role: "user", content: FIRST },
      { role: "assistant", content: turn1.answer },
      { role: "user", content: SECOND },
    ]);
    expect(turn2.sent[0]?.content).toBe(firstSanitized);
    expect(turn2.answer).toBe(SECOND);

    // The app lets the user edit the first message: the edit is what gets sanitized and sent.
    const turn3 = await send([
      { role: "user", content: EDITED },
      { role: "assistant", content: turn1.answer },
      { role: "user", content: SECOND },
    ]);
    expect(turn3.sent[0]?.content).not.toBe(firstSanitized);
    expect(turn3.sent[0]?.content).toMatch(/^My landlord \[PERSON_\d+\] has not fixed the heating since March\.$/);
    expect(turn3.sent[0]?.content).not.toMatch(/\[PERSON_1\]/);
    for (const raw of [turn1.raw, turn2.raw, turn3.raw]) {
      for (const value of ["Gary", "Thompson", "Lena", "Fischer", "anna.weber"]) expect(raw).not.toContain(value);
    }
  });

  it("forwards a request whose last message makes a word of an earlier message private, replaced there too, instead of refusing it", async () => {
    // The last message names "Lucy Fairbanks"; the earlier lower-case "fairbanks", no name on its
    // own, then matches that vault value. The messages are settled together, so the gate finds
    // nothing left to refuse.
    const other = new OpenAI({
      baseURL: h.baseUrl,
      apiKey: h.token,
      maxRetries: 0,
      defaultHeaders: { "X-Tandem-Conversation": "history-settle-test" },
    });
    const before = h.cloud.requests.length;
    const answer = await other.chat.completions.create({
      model: "m",
      messages: [
        { role: "user", content: "Draft an email to my landlord about the heating, in the fairbanks style." },
        { role: "assistant", content: "Here is the draft." },
        {
          role: "user",
          content: "Sign it as Lucy Fairbanks, freelance translator. E-mail: lucy.fairbanks@northmail.co.uk",
        },
      ],
    });
    expect(answer.choices[0]?.message.content).toContain("Lucy Fairbanks");
    expect(h.cloud.requests.length).toBe(before + 1);
    const sent = (h.cloud.requests[before]?.json as { messages: Message[] }).messages;
    expect(sent[0]?.content).not.toMatch(/fairbanks/i);
    for (const value of ["Lucy", "Fairbanks", "northmail"]) expect(h.cloud.requests[before]?.raw).not.toContain(value);
  });
});
