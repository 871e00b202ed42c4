import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TandemError } from "../../../app/contract/errors";
import { createLogger, silentLogger } from "../../../app/logging/Logger";
import { CloudProvider } from "../../../app/providers/cloud";
import { echoLastUserMessage, startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";
import { streamThroughGate, testThroughGate } from "../../helpers/throughGate";

const KEY = "sk-tandem-KNOWN-key-7f3a9c";
const PROMPT = "Draft a letter for Zebulon Quartermaine about the Wexford clinic visit";
const ENV = {
  OPENAI_API_KEY: "sk-from-ENV-must-not-leave",
  OPENAI_ORG_ID: "org-from-env",
  OPENAI_PROJECT_ID: "proj-from-env",
  OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
  OPENAI_LOG: "debug",
};

describe("what the cloud provider sends and logs", () => {
  let cloud: RecordingCloud;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    cloud = await startRecordingCloud({ reply: echoLastUserMessage });
  });
  afterAll(() => cloud.close());
  afterEach(() => {
    for (const name of Object.keys(ENV)) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    cloud.setFault(null);
    cloud.requests.length = 0;
    vi.restoreAllMocks();
  });

  function setOpenAIEnv(): void {
    for (const [name, value] of Object.entries(ENV)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  }

  it("sends exactly the configured key, and no OPENAI_* value from the environment", async () => {
    setOpenAIEnv();
    const console = [
      vi.spyOn(globalThis.console, "log"),
      vi.spyOn(globalThis.console, "debug"),
      vi.spyOn(globalThis.console, "info"),
    ];
    const provider = new CloudProvider(
      { baseUrl: cloud.baseUrl, model: "test-model", apiKey: KEY },
      { logger: createLogger({ name: "t", sink: () => {} }) },
    );
    await provider.listModels();
    await streamThroughGate(provider, { messages: [{ role: "user", content: "Hello" }] });
    expect(cloud.requests.map((r) => r.path)).toEqual(["/v1/models", "/v1/chat/completions"]);
    for (const request of cloud.requests) expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    const sent = cloud.receivedText();
    for (const value of Object.values(ENV)) expect(sent).not.toContain(value);
    expect(sent.toLowerCase()).not.toContain("openai-organization");
    // OPENAI_LOG=debug would make the SDK print requests to the console; it must stay quiet.
    for (const spy of console) expect(spy).not.toHaveBeenCalled();
  });

  it("sends no Authorization header at all when no key is configured, even with OPENAI_API_KEY set", async () => {
    setOpenAIEnv();
    const provider = new CloudProvider(
      { baseUrl: cloud.baseUrl, model: "test-model", apiKey: null },
      { logger: createLogger({ name: "t", sink: () => {} }) },
    );
    await streamThroughGate(provider, { messages: [{ role: "user", content: "Hello" }] });
    expect(cloud.requests[0]?.headers.authorization).toBeUndefined();
    expect(cloud.receivedText()).not.toContain(ENV.OPENAI_API_KEY);
  });

  it("sends through the fetch the host passes in, so a guard there can refuse and nothing leaves", async () => {
    const refusal = new TandemError("invalid_request", "Offline mode is on: nothing leaves this device.");
    let seen: string | null = null;
    const guardedFetch: typeof fetch = async (input) => {
      seen = String(input instanceof Request ? input.url : input);
      throw refusal;
    };
    const provider = new CloudProvider(
      { baseUrl: cloud.baseUrl, model: "test-model", apiKey: KEY },
      { fetch: guardedFetch, logger: silentLogger },
    );
    await expect(streamThroughGate(provider, { messages: [{ role: "user", content: PROMPT }] })).rejects.toBe(refusal);
    expect(seen).toBe(`${cloud.baseUrl}/chat/completions`);
    expect(cloud.requests).toHaveLength(0);
  });

  it("does not send headers describing this machine (OS, CPU, runtime version)", async () => {
    const provider = new CloudProvider(
      { baseUrl: cloud.baseUrl, model: "test-model", apiKey: KEY },
      { logger: createLogger({ name: "t", sink: () => {} }) },
    );
    await streamThroughGate(provider, { messages: [{ role: "user", content: "Hello" }] });
    const headers = Object.keys(cloud.requests[0]?.headers ?? {});
    expect(
      headers.filter(
        (h) => h.startsWith("x-stainless-") && h !== "x-stainless-retry-count" && h !== "x-stainless-timeout",
      ),
    ).toEqual([]);
    expect(cloud.receivedText()).not.toContain(process.version);
  });

  it("logs host, sizes and timings but never the prompt, the answer or the key — also when calls fail", async () => {
    const lines: string[] = [];
    const logger = createLogger({ name: "t", level: "debug", sink: (line) => lines.push(line) });
    const provider = new CloudProvider(
      { baseUrl: cloud.baseUrl, model: "test-model", apiKey: KEY, timeoutMs: 300 },
      { logger },
    );
    const ask = () => streamThroughGate(provider, { messages: [{ role: "user", content: PROMPT }] });

    const result = await ask();
    expect(result.text).toBe(PROMPT); // the answer echoes the prompt, so it must not be logged either
    cloud.setFault({ status: 400, message: `Invalid content: ${PROMPT}` });
    await expect(ask()).rejects.toMatchObject({ code: "cloud_bad_request" });
    cloud.setFault({ malformedSse: true });
    await expect(ask()).rejects.toMatchObject({ code: "cloud_bad_response" });
    cloud.setFault({ status: 401 });
    await expect(testThroughGate(provider)).resolves.toMatchObject({ ok: false });

    const log = lines.join("\n");
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(log).toContain(new URL(cloud.baseUrl).host);
    expect(log).toContain('"bytesOut"');
    expect(log).not.toContain(KEY);
    for (const word of ["Zebulon", "Quartermaine", "Wexford", "Draft a letter"]) expect(log).not.toContain(word);
  });
});
