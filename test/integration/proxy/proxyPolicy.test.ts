import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ModelInfo } from "../../../app/contract/types";
import { echoLastUserMessage } from "../../helpers/recordingCloud";
import { getEndlessTinyModel2kPath } from "../hybrid/support/tinyModel2k";
import { CLOUD_KEY, startProxyHarness } from "./proxyHarness";

const PRIVATE = "Send the invoice to gary.thompson@example.com, IBAN DE89 3704 0044 0532 0130 00.";

describe("the privacy proxy's policies, offline mode and upstream faults", () => {
  let h: Awaited<ReturnType<typeof startProxyHarness>>;
  let client: OpenAI;
  const logged: string[] = [];

  beforeAll(async () => {
    // The host logs warnings to stderr: every fault below is logged, and none may carry a private value.
    vi.spyOn(process.stderr, "write").mockImplementation((line) => logged.push(String(line)) > 0);
    h = await startProxyHarness({ reply: echoLastUserMessage });
    client = new OpenAI({ baseURL: h.baseUrl, apiKey: h.token, maxRetries: 0 });
  });

  afterEach(async () => {
    h.cloud.setFault(null);
    await h.call("settings:update", { offline: false });
    await h.host.proxy().start({ port: h.port, enabled: true });
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await h.close();
  });

  async function failure(stream = false): Promise<InstanceType<typeof OpenAI.APIError>> {
    try {
      if (stream) {
        const s = await client.chat.completions.create({
          model: "m",
          stream: true,
          messages: [{ role: "user", content: PRIVATE }],
        });
        for await (const chunk of s) void chunk;
      } else {
        await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: PRIVATE }] });
      }
    } catch (error) {
      if (error instanceof OpenAI.APIError) return error;
      throw error;
    }
    throw new Error("expected the request to fail");
  }

  it("under 'block' refuses a request with private items, names their kinds but not the values, and forwards nothing", async () => {
    await h.host.proxy().start({ port: h.port, enabled: true, policy: "block" });
    const before = h.cloud.requests.length;
    const error = await failure();
    expect(error.status).toBe(403);
    expect(error.code).toBe("egress_blocked");
    expect(error.message).toMatch(/email ×1/);
    expect(error.message).toMatch(/iban ×1/);
    expect(error.message).not.toContain("gary.thompson");
    expect(h.cloud.requests.length).toBe(before);
    const clean = await client.chat.completions.create({
      model: "m",
      messages: [{ role: "user", content: "What is a good title for a letter?" }],
    });
    expect(clean.choices[0]?.message.content).toBe("What is a good title for a letter?");
  });

  it("in offline mode refuses with a clear 503 and sends nothing", async () => {
    await h.call("settings:update", { offline: true });
    const before = h.cloud.requests.length;
    const error = await failure();
    expect(error.status).toBe(503);
    expect(error.code).toBe("offline");
    expect(error.message).toMatch(/Offline mode/);
    expect(h.cloud.requests.length).toBe(before);
  });

  it("under 'local' answers with the local model, also offline, and sends nothing", async () => {
    await h.call("settings:update", { threads: 1, contextSize: 2048, offline: true });
    // The answer must have text: the model that never ends by itself, cut by the request's max_tokens.
    await h.call<ModelInfo>("models:add", { path: await getEndlessTinyModel2kPath() });
    await h.host.proxy().start({ port: h.port, enabled: true, policy: "local" });
    const before = h.cloud.requests.length;
    const stream = await client.chat.completions.create({
      model: "m",
      stream: true,
      max_tokens: 8,
      messages: [{ role: "user", content: PRIVATE }],
    });
    let text = "";
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe("length");
    expect(h.cloud.requests.length).toBe(before);
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(["tandem-local"]);
  }, 60_000);

  const faults: Array<[string, Parameters<typeof h.cloud.setFault>[0], number, string]> = [
    ["a 401 (bad cloud key)", { status: 401 }, 502, "cloud_auth"],
    ["a 429 (rate limit)", { status: 429, retryAfterSeconds: 7 }, 429, "cloud_rate_limited"],
    ["a 500", { status: 500 }, 502, "cloud_server_error"],
  ];
  for (const [what, fault, status, code] of faults) {
    it(`turns an upstream ${what} into an OpenAI-shaped ${status}, and keeps serving`, async () => {
      h.cloud.setFault(fault);
      const error = await failure();
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      if (status === 429) expect(error.headers?.get("retry-after")).toBe("7");
      h.cloud.setFault(null);
      const ok = await client.chat.completions.create({
        model: "m",
        messages: [{ role: "user", content: "Hello again." }],
      });
      expect(ok.choices[0]?.message.content).toBe("Hello again.");
    });
  }

  it("answers an upstream that never responds with an OpenAI-shaped 504 after the timeout, and keeps serving", async () => {
    await h.host.proxy().start({ port: h.port, enabled: true, timeoutMs: 300 });
    h.cloud.setFault({ hang: true });
    const error = await failure();
    expect(error.status).toBe(504);
    expect(error.code).toBe("cloud_timeout");
    h.cloud.setFault({ stallStreamAfterChunks: 2 });
    await expect(failure(true)).resolves.toMatchObject({ code: "cloud_timeout" });
    h.cloud.setFault(null);
    const ok = await client.chat.completions.create({
      model: "m",
      messages: [{ role: "user", content: "Still there?" }],
    });
    expect(ok.choices[0]?.message.content).toBe("Still there?");
  });

  it("ends a stream the upstream cut off with an error event the SDK raises, after the restored text so far", async () => {
    h.cloud.setFault({ cutStreamAfterChunks: 3 });
    const stream = await client.chat.completions.create({
      model: "m",
      stream: true,
      messages: [{ role: "user", content: PRIVATE }],
    });
    let text = "";
    await expect(
      (async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
      })(),
    ).rejects.toThrow(/broke off in the middle of the answer/);
    expect(text.length).toBeGreaterThan(0);
    expect(PRIVATE.startsWith(text)).toBe(true);
  });

  it("turns malformed upstream SSE into an OpenAI-shaped error", async () => {
    h.cloud.setFault({ malformedSse: true });
    const error = await failure(true);
    expect(error.message).toMatch(/cloud provider/i);
  });

  it("never shows the app the cloud key, even when the upstream's error quotes it", async () => {
    const quoting = `The key ${CLOUD_KEY} may not use this model.`;
    h.cloud.setFault({ status: 403, message: quoting });
    const refused = await failure();
    expect(refused.status).toBe(502);
    h.cloud.setFault({ errorInStreamAfterChunks: 1, message: quoting });
    const broken = await failure(true);
    for (const error of [refused, broken]) {
      expect(error.message).toMatch(/may not use this model/);
      expect(JSON.stringify({ message: error.message, error: error.error })).not.toContain(CLOUD_KEY);
    }
  });

  it("logged every failure above with codes and statuses only: no private value, no key, no token", () => {
    const all = logged.join("");
    expect(all).toMatch(/cloud_rate_limited/);
    for (const secret of ["gary.thompson", "DE89", "Send the invoice", h.token, "sk-proxy-upstream-key"])
      expect(all).not.toContain(secret);
  });
});
