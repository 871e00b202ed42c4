import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModelInfo } from "../../../app/contract/types";
import { echoLastUserMessage } from "../../helpers/recordingCloud";
import { getEndlessTinyModel2kPath } from "../hybrid/support/tinyModel2k";
import { startProxyHarness } from "./proxyHarness";

const HEALTH =
  "I was diagnosed with type 2 diabetes last month and now take metformin 500 mg. What can I eat for breakfast?";
const ORDINARY = "Write a short thank-you note to Gary Thompson for the meeting yesterday.";

describe("the privacy proxy's 'auto' policy (Auto mode's routing rules, per request)", () => {
  let h: Awaited<ReturnType<typeof startProxyHarness>>;
  let client: OpenAI;

  beforeAll(async () => {
    h = await startProxyHarness({ reply: echoLastUserMessage });
    await h.call("settings:update", { threads: 1, contextSize: 2048 });
    // Local answers must have text: the model that never ends by itself, cut by each request's max_tokens.
    await h.call<ModelInfo>("models:add", { path: await getEndlessTinyModel2kPath() });
    await h.host.proxy().start({ port: h.port, enabled: true, policy: "auto" });
    client = new OpenAI({ baseURL: h.baseUrl, apiKey: h.token, maxRetries: 0 });
  }, 60_000);

  afterAll(async () => {
    await h.close();
  });

  it("answers a message about a health condition with the local model and forwards nothing", async () => {
    const before = h.cloud.requests.length;
    const answer = await client.chat.completions.create({
      model: "m",
      max_tokens: 8,
      messages: [{ role: "user", content: HEALTH }],
    });
    expect(answer.choices[0]?.message.content?.length ?? 0).toBeGreaterThan(0);
    expect(answer.model).toBe("tandem-local");
    expect(h.cloud.requests.length).toBe(before);
  }, 60_000);

  it("forwards an ordinary message sanitized and gives the client the name back", async () => {
    const before = h.cloud.requests.length;
    const answer = await client.chat.completions.create({
      model: "m",
      messages: [{ role: "user", content: ORDINARY }],
    });
    expect(h.cloud.requests.length).toBe(before + 1);
    const sent = h.cloud.requests[before]?.raw ?? "";
    expect(sent).not.toMatch(/Gary|Thompson/);
    expect(sent).toMatch(/\[PERSON_1\]/);
    expect(answer.choices[0]?.message.content).toBe(ORDINARY);
  });

  it("answers a message with a word the engine could not classify with the local model and forwards nothing", async () => {
    const before = h.cloud.requests.length;
    const answer = await client.chat.completions.create({
      model: "m",
      max_tokens: 8,
      messages: [{ role: "user", content: "Write a short note to tell zbyszek that the parcel arrives on Monday." }],
    });
    expect(answer.model).toBe("tandem-local");
    expect(h.cloud.requests.length).toBe(before);
  }, 60_000);

  it("masks a number the engine could not type in the forwarded request, and gives the client the number back", async () => {
    const message = "Write a short note to tell the shop that the parcel 48213 arrives on Monday.";
    const before = h.cloud.requests.length;
    const answer = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: message }] });
    expect(h.cloud.requests.length).toBe(before + 1);
    const sent = h.cloud.requests[before]?.raw ?? "";
    expect(sent).not.toContain("48213");
    expect(sent).toMatch(/parcel \[OTHER_\d+\] arrives/);
    expect(answer.choices[0]?.message.content).toBe(message);
  });

  it("in offline mode answers even an ordinary message with the local model and forwards nothing", async () => {
    await h.call("settings:update", { offline: true });
    try {
      const before = h.cloud.requests.length;
      const answer = await client.chat.completions.create({
        model: "m",
        max_tokens: 8,
        messages: [{ role: "user", content: ORDINARY }],
      });
      expect(answer.model).toBe("tandem-local");
      expect(h.cloud.requests.length).toBe(before);
    } finally {
      await h.call("settings:update", { offline: false });
    }
  }, 60_000);

  it("can be chosen through the channel Settings → Privacy proxy saves with", async () => {
    const status = await h.call<{ policy: string }>("proxy:configure", { policy: "auto" });
    expect(status.policy).toBe("auto");
  });
});
