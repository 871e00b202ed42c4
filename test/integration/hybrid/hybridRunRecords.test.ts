import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GenerateOptions } from "../../../app/model/LocalModel";
import { sanitize, VaultStore } from "../../../app/privacy";
import { Store } from "../../../app/store/Store";
import { startRecordingCloud, type ChatRequestBody } from "../../helpers/recordingCloud";
import { ScriptedModel } from "../../helpers/scriptedModel";
import { startHarness, type Harness } from "./support/hybridHarness";

const SKETCH = "Dear Anna Weber, the heating in the flat has been broken since Monday. Please repair it.";
const MESSAGE = "Write a short note to Anna Weber about the broken heating.";

/**
 * What one Hybrid answer records and shows around the cloud step — the notice when no cloud is
 * set up, the endpoint in the privacy log, the answer's speed, the cloud's text when its stream
 * breaks, Stop before anything left, and a vault another process keeps saving — with a scripted
 * local model (its output is chosen; SQLite, the engine, the gate, the openai SDK and the
 * recording server on 127.0.0.1 are real), so each outcome is certain rather than up to the tiny GGUF.
 */
describe("what a Hybrid answer records around its cloud step", () => {
  let h: Harness;
  let other: Store;
  /** The model's step for each call of the current test: the sketch first, then step 5's check. */
  let script: (call: number, options: GenerateOptions) => string = () => SKETCH;
  let calls = 0;
  const model = new ScriptedModel((options) => script(++calls, options));
  const echoDraft = (body: ChatRequestBody) =>
    String(body.messages?.find((m) => m.role === "assistant")?.content ?? "");

  beforeAll(async () => {
    h = await startHarness(model, { maxAnswerTokens: 200, cloud: { reply: echoDraft } });
    other = Store.open(join(h.dir, "tandem.db"));
  });

  beforeEach(() => {
    calls = 0;
    script = () => SKETCH;
    h.cloud.setFault(null);
    h.settings.cloudBaseUrl = h.cloud.baseUrl;
    h.settings.thoroughModelCheck = false;
  });

  afterAll(async () => {
    other.close();
    await h.close();
  });

  it("without a cloud model set up, answers with the local draft and says where to set one up; nothing is sent or logged", async () => {
    h.settings.cloudBaseUrl = null;
    const before = { requests: h.cloud.requests.length, audited: h.audit.count() };
    const answer = await h.ask(h.conversation("hybrid").id, MESSAGE);
    expect(answer.status).toBe("done");
    expect(answer.content).toBe(SKETCH);
    expect(h.stage(answer.id, "notice")?.content).toMatch(/No cloud model is set up.*Settings → Cloud/);
    expect(h.report(answer.id).fallback).toMatchObject({ code: "cloud_not_configured" });
    expect(h.cloud.requests.length).toBe(before.requests);
    expect(h.audit.count()).toBe(before.audited);
  });

  it("sends to the chat URL and names that URL in the privacy log and the report, whatever spaces or slashes end the base URL", async () => {
    h.settings.cloudBaseUrl = `  ${h.cloud.baseUrl}/// `;
    const conversation = h.conversation("hybrid");
    const answer = await h.ask(conversation.id, MESSAGE);
    expect(answer.status).toBe("done");
    expect(h.stage(answer.id, "notice")).toBeUndefined();
    const endpoint = `${h.cloud.baseUrl}/chat/completions`;
    expect(h.cloud.requests.at(-1)?.path).toBe(new URL(endpoint).pathname);
    expect(h.audit.list({ conversationId: conversation.id }).map((r) => r.endpoint)).toEqual([endpoint]);
    expect(h.report(answer.id).endpoint).toBe(endpoint);
  });

  it("shows the speed of the cloud's text for an answer the cloud wrote: its tokens, tokens per second while it streamed, and when the first piece of the answer came", async () => {
    const slow = await startRecordingCloud({ reply: echoDraft, chunkDelayMs: 15 });
    h.settings.cloudBaseUrl = slow.baseUrl;
    try {
      const answer = await h.ask(h.conversation("hybrid").id, MESSAGE);
      expect(answer.status).toBe("done");
      const cloudText = h.stage(answer.id, "cloud")?.content ?? "";
      const words = cloudText.split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThan(10);
      const stats = answer.stats!;
      // The recording cloud streams a word a chunk and reports them as its completion tokens.
      expect(stats.tokens).toBe(words);
      // A word every ≥ 15 ms after the first (timers may fire a millisecond early): at most
      // tokens ÷ ((tokens − 1) × 14 ms) a second, however fast the machine; far more than 0.5.
      expect(stats.tokensPerSecond).toBeGreaterThan(0.5);
      expect(stats.tokensPerSecond).toBeLessThanOrEqual((stats.tokens / ((stats.tokens - 1) * 14)) * 1000);
      // The first piece of the visible answer came after the sketch and the cloud's first chunk.
      expect(stats.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
      expect(stats.timeToFirstTokenMs).toBeLessThan(60_000);
      expect(h.stage(answer.id, "cloud")?.meta).toMatchObject({
        finishReason: "stop",
        usage: { completionTokens: words },
      });
    } finally {
      h.settings.cloudBaseUrl = h.cloud.baseUrl;
      await slow.close();
    }
  });

  it("when the cloud's stream breaks, answers with the local draft and keeps the part the cloud sent, with the error, in its details", async () => {
    h.cloud.setFault({ cutStreamAfterChunks: 4 });
    const answer = await h.ask(h.conversation("hybrid").id, MESSAGE);
    expect(answer.status).toBe("done");
    expect(answer.content).toBe(SKETCH);
    expect(h.report(answer.id).fallback).toMatchObject({ code: "cloud_stream_broken" });
    const cloud = h.stage(answer.id, "cloud");
    // The first four words the cloud sent back, placeholders as received.
    expect(cloud?.content).toBe("Dear [PERSON_1], the heating ");
    expect(cloud?.meta).toEqual({ error: "cloud_stream_broken" });
    expect(h.stage(answer.id, "sanitized")?.content).toContain("[PERSON_1]");
  });

  it("Stop while the request is being sanitized: nothing is sent and nothing is logged as sent", async () => {
    h.settings.thoroughModelCheck = true;
    const conversation = h.conversation("hybrid");
    // Step 5 (the local model's check of the sanitized parts) is where the user presses Stop.
    script = (call) => {
      if (call === 2) expect(h.chat.stop(conversation.id)).toBe(true);
      return call === 1 ? SKETCH : "";
    };
    const before = h.cloud.requests.length;
    const answer = await h.ask(conversation.id, MESSAGE);
    expect(calls).toBe(2);
    expect(answer.status).toBe("stopped");
    expect(h.cloud.requests.length).toBe(before);
    expect(h.audit.list({ conversationId: conversation.id })).toEqual([]);
    expect(h.stage(answer.id, "sanitized")).toBeUndefined();
  });

  it("when another process saves the conversation's placeholders at every try, answers locally, says so, and sends nothing", async () => {
    h.settings.thoroughModelCheck = true;
    const conversation = h.conversation("hybrid");
    const others = ["Gary Thompson", "Maria Lopez", "Tom Becker", "Ines Duval", "Paul Meyer", "Lena Vogt"];
    // Each of step 5's calls stands for the other process saving a new person meanwhile.
    script = (call) => {
      if (call === 1) return SKETCH;
      const vaults = new VaultStore(other.db);
      const vault = vaults.load(conversation.id);
      sanitize(`Write to ${others[call - 2]}.`, vault, { locale: "en-US" });
      vaults.save(vault);
      return "";
    };
    const before = h.cloud.requests.length;
    const answer = await h.ask(conversation.id, MESSAGE);
    expect(answer.status).toBe("done");
    expect(answer.content).toBe(SKETCH);
    // Three tries (the first and two more after reloading the vault); step 5 reads each try's
    // two parts (the instruction and the sketch), one model call each.
    expect(calls).toBe(1 + 3 * 2);
    expect(h.report(answer.id).fallback).toMatchObject({ code: "busy" });
    expect(h.stage(answer.id, "notice")?.content).toMatch(/Another Tandem process changed this conversation/);
    expect(h.cloud.requests.length).toBe(before);
    expect(h.audit.list({ conversationId: conversation.id })).toEqual([]);
    // The other process's entries are kept as it saved them.
    const stored = new VaultStore(other.db).load(conversation.id);
    expect(stored.get("[PERSON_1]")?.value).toBe("Gary Thompson");
  });
});
