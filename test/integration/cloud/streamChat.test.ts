import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../app/logging/Logger";
import { CloudProvider } from "../../../app/providers/cloud";
import { startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";
import { streamThroughGate } from "../../helpers/throughGate";

const REPLY = "The quick brown fox jumps over the lazy dog while the cloud streams every word one by one.";

describe("CloudProvider.streamChat against a real OpenAI-compatible server", () => {
  let cloud: RecordingCloud;
  let provider: CloudProvider;

  beforeAll(async () => {
    cloud = await startRecordingCloud({ reply: REPLY, chunkDelayMs: 15 });
    provider = new CloudProvider(
      { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-test" },
      { logger: silentLogger },
    );
  });
  afterAll(() => cloud.close());
  beforeEach(() => {
    cloud.requests.length = 0;
    cloud.setReply(REPLY);
  });

  it("returns the full text and calls onText once per streamed piece", async () => {
    const pieces: string[] = [];
    const result = await streamThroughGate(provider, {
      messages: [{ role: "user", content: "Tell me about foxes." }],
      onText: (t) => pieces.push(t),
    });
    expect(result.text).toBe(REPLY);
    expect(result.finishReason).toBe("stop");
    expect(pieces.length).toBe(REPLY.split(" ").length);
    expect(pieces.join("")).toBe(REPLY);
    expect(result.usage).toEqual({ promptTokens: 4, completionTokens: pieces.length });
  });

  it("sends the model, the messages, max_tokens and temperature as an OpenAI streaming request", async () => {
    const messages = [
      { role: "system" as const, content: "Be brief." },
      { role: "user" as const, content: "Hello there" },
    ];
    await streamThroughGate(provider, { messages, maxTokens: 50, temperature: 0.2 });
    expect(cloud.requests).toHaveLength(1);
    const [request] = cloud.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.json).toEqual({
      model: "test-model",
      messages,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 50,
      temperature: 0.2,
    });
  });

  it("reports finishReason length when the provider stops at max tokens", async () => {
    const result = await streamThroughGate(provider, { messages: [{ role: "user", content: "Go on." }], maxTokens: 3 });
    expect(result).toMatchObject({ text: "The quick brown ", finishReason: "length" });
  });

  it("returns the partial text with finishReason aborted when aborted mid-stream", async () => {
    const controller = new AbortController();
    const pieces: string[] = [];
    const result = await streamThroughGate(provider, {
      messages: [{ role: "user", content: "Stream slowly." }],
      signal: controller.signal,
      onText: (t) => {
        pieces.push(t);
        if (pieces.length === 3) controller.abort();
      },
    });
    expect(result.finishReason).toBe("aborted");
    expect(result.text).toBe("The quick brown ");
    expect(REPLY.startsWith(result.text)).toBe(true);
  });

  it("resolves as aborted (not as a timeout) when aborted while the provider has not answered yet", async () => {
    cloud.setFault({ hang: true });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const result = await streamThroughGate(provider, {
        messages: [{ role: "user", content: "Anyone?" }],
        signal: controller.signal,
      });
      expect(result).toEqual({ text: "", finishReason: "aborted" });
    } finally {
      cloud.setFault(null);
    }
  });

  it("sends nothing at all when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await streamThroughGate(provider, {
      messages: [{ role: "user", content: "Never sent" }],
      signal: controller.signal,
    });
    expect(result).toEqual({ text: "", finishReason: "aborted" });
    expect(cloud.requests).toHaveLength(0);
  });

  it("passes an error thrown by onText through unchanged", async () => {
    const boom = new Error("renderer went away");
    await expect(
      streamThroughGate(provider, {
        messages: [{ role: "user", content: "Hi" }],
        onText: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
  });

  it("answers with a reply computed from the request, e.g. one that keeps the placeholders it got", async () => {
    const { replyWithPlaceholders } = await import("../../helpers/recordingCloud");
    cloud.setReply(replyWithPlaceholders);
    const result = await streamThroughGate(provider, {
      messages: [{ role: "user", content: "Write to [PERSON_1] at [EMAIL_1] about [PERSON_1]." }],
    });
    expect(result.text).toBe("Here is a polished answer for [PERSON_1], [EMAIL_1].");
  });

  it("refuses a request the gate checked and recorded for another model, sending nothing", async () => {
    const ask = streamThroughGate(provider, { messages: [{ role: "user", content: "Hi" }], model: "another-model" });
    await expect(ask).rejects.toMatchObject({ code: "internal" });
    expect(cloud.requests).toHaveLength(0);
  });
});
