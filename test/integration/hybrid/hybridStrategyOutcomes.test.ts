import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GenerateOptions } from "../../../app/model/LocalModel";
import { startRecordingCloud, type ChatRequestBody } from "../../helpers/recordingCloud";
import { ScriptedModel, systemPrompt } from "../../helpers/scriptedModel";
import { startHarness, waitFor, type Harness } from "./support/hybridHarness";

const MESSAGE = "Write a short note to Anna Weber about the broken heating.";
const SKETCH = "Dear Anna Weber, the heating has been broken since Monday. Please repair it.";
const LOCAL_ANSWER = "Dear Anna, the heating is broken. Could you send someone this week?";
const OUTLINE = "1. Greet [PERSON_1].\n2. Say the heating is broken.\n3. Ask for a repair this week.";

/**
 * How each Hybrid strategy ends when the cloud step cannot help — not set up, failing after the
 * request left, or the user pressing Stop — and what cloud-outline hands the local model. The
 * local model is scripted (its output is certain); the engine, the gate, SQLite, the openai SDK
 * and the recording server on 127.0.0.1 are real.
 */
describe("how each Hybrid strategy ends around the cloud step", () => {
  let h: Harness;
  /** The model's text for each call of the current test (1 = its first call). */
  let script: (call: number, options: GenerateOptions) => string = () => "";
  const model: ScriptedModel = new ScriptedModel((options) => script(model.prompts.length, options));

  beforeAll(async () => {
    h = await startHarness(model, { maxAnswerTokens: 200, cloud: { reply: OUTLINE } });
  });

  beforeEach(() => {
    model.prompts.length = 0;
    model.contextSize = 8192;
    script = (call) => (call === 1 ? SKETCH : LOCAL_ANSWER);
    h.cloud.setFault(null);
    h.cloud.setReply(OUTLINE);
    h.settings.cloudBaseUrl = h.cloud.baseUrl;
    h.settings.hybridStrategy = "sketch-refine";
  });

  afterAll(async () => {
    await h.close();
  });

  describe("cloud-outline", () => {
    beforeEach(() => {
      h.settings.hybridStrategy = "cloud-outline";
      script = () => LOCAL_ANSWER;
    });

    it("without a cloud set up, the local model answers on its own and the notice says nothing left", async () => {
      h.settings.cloudBaseUrl = null;
      const before = h.cloud.requests.length;
      const answer = await h.ask(h.conversation("hybrid").id, MESSAGE);
      expect(answer).toMatchObject({ status: "done", content: LOCAL_ANSWER });
      expect(h.stage(answer.id, "notice")?.content).toBe(
        "No cloud model is set up, so the cloud step was skipped. Set the endpoint and model in Settings → Cloud. " +
          "The local model answered on its own, on this device.",
      );
      expect(h.report(answer.id).fallback).toMatchObject({ code: "cloud_not_configured" });
      expect(h.stage(answer.id, "outline")).toBeUndefined();
      expect(h.cloud.requests.length).toBe(before);
    });

    it("when the cloud fails after the request left, the local model answers on its own and the notice says only the sanitized request left", async () => {
      h.cloud.setFault({ cutStreamAfterChunks: 2 });
      const answer = await h.ask(h.conversation("hybrid").id, MESSAGE);
      expect(answer).toMatchObject({ status: "done", content: LOCAL_ANSWER });
      expect(h.stage(answer.id, "notice")?.content).toMatch(
        /broke off.* The local model answered on its own, on this device\. Only the sanitized request left this device\.$/,
      );
      expect(h.stage(answer.id, "sanitized")?.content).toContain("[PERSON_1]");
      expect(h.stage(answer.id, "sanitized")?.content).not.toContain("Anna Weber");
    });

    it("Stop while the local model writes its fallback answer keeps what it wrote, marked stopped", async () => {
      h.settings.cloudBaseUrl = null;
      const conversation = h.conversation("hybrid");
      script = () => {
        expect(h.chat.stop(conversation.id)).toBe(true);
        return LOCAL_ANSWER;
      };
      const answer = await h.ask(conversation.id, MESSAGE);
      expect(answer.status).toBe("stopped");
    });

    it("gives the local model the outline with the real names back, bounds the outline request by the answer length, and stores the outline", async () => {
      const conversation = h.conversation("hybrid");
      const answer = await h.ask(conversation.id, MESSAGE);
      expect(answer).toMatchObject({ status: "done", content: LOCAL_ANSWER });
      const sent = h.cloud.requests.at(-1)!.json as ChatRequestBody;
      expect(sent.max_completion_tokens ?? sent.max_tokens).toBe(200);
      const restored = OUTLINE.replace("[PERSON_1]", "Anna Weber");
      expect(h.stage(answer.id, "outline")).toMatchObject({ content: restored, meta: { unresolved: [] } });
      expect(systemPrompt(model.prompts.at(-1)!)).toContain(`Outline:\n${restored}`);
    });

    it("cuts an outline longer than a fifth of the local model's context before the local model writes from it", async () => {
      model.contextSize = 400;
      const steps = Array.from({ length: 60 }, (_, i) => `${i + 1}. Mention point number ${i + 1} politely.`);
      h.cloud.setReply(steps.join("\n"));
      const answer = await h.ask(h.conversation("hybrid").id, MESSAGE);
      expect(answer.status).toBe("done");
      const prompt = systemPrompt(model.prompts.at(-1)!);
      const outline = prompt.slice(prompt.indexOf("Outline:\n") + "Outline:\n".length).split("\n\n")[0]!;
      expect(outline).toMatch(/^1\. Mention point number 1 politely\.\n2\. /);
      expect(outline.endsWith("…")).toBe(true);
      expect(model.countTokens(outline)).toBeLessThanOrEqual(80);
      expect(model.countTokens(outline)).toBeGreaterThan(60);
    });

    it("Stop while the outline streams keeps the outline shown so far and asks the local model nothing more", async () => {
      const slow = await startRecordingCloud({ reply: OUTLINE.repeat(8), chunkDelayMs: 30 });
      h.settings.cloudBaseUrl = slow.baseUrl;
      try {
        const conversation = h.conversation("hybrid");
        const messageId = await h.start(conversation.id, MESSAGE);
        await waitFor(() => (h.tokens(messageId, "outline").length >= 3 ? true : undefined));
        expect(h.chat.stop(conversation.id)).toBe(true);
        const answer = await h.finished(messageId);
        expect(answer.status).toBe("stopped");
        expect(answer.content).toMatch(/^1\. Greet /);
        expect(answer.content.length).toBeLessThan(OUTLINE.repeat(8).length);
        expect(model.prompts).toHaveLength(0);
      } finally {
        h.settings.cloudBaseUrl = h.cloud.baseUrl;
        await slow.close();
      }
    });
  });

  describe("sketch-refine", () => {
    beforeEach(() => {
      script = () => SKETCH;
    });

    it("Stop while the local model writes the sketch keeps the sketch so far, marked stopped, and sends nothing", async () => {
      const conversation = h.conversation("hybrid");
      script = () => {
        expect(h.chat.stop(conversation.id)).toBe(true);
        return SKETCH;
      };
      const before = { requests: h.cloud.requests.length, audited: h.audit.count() };
      const answer = await h.ask(conversation.id, MESSAGE);
      expect(answer.status).toBe("stopped");
      expect(h.stage(answer.id, "sketch")?.meta).toMatchObject({ stopReason: "aborted" });
      // Stopped before the cloud step began: nothing was sanitized, so the report names no replacement.
      expect(h.report(answer.id)).toMatchObject({ replaced: 0, bytes: 0, endpoint: null });
      expect(h.cloud.requests.length).toBe(before.requests);
      expect(h.audit.count()).toBe(before.audited);
    });

    it("the fallback notice says whether the sanitized request left: not when no cloud is set up, yes when the cloud failed after it", async () => {
      h.settings.cloudBaseUrl = null;
      const unset = await h.ask(h.conversation("hybrid").id, MESSAGE);
      expect(unset.content).toBe(SKETCH);
      expect(h.stage(unset.id, "notice")?.content).toMatch(
        /Settings → Cloud\. This answer is the local model's draft, written on this device\.$/,
      );
      h.settings.cloudBaseUrl = h.cloud.baseUrl;
      h.cloud.setFault({ status: 500 });
      const failed = await h.ask(h.conversation("hybrid").id, MESSAGE);
      expect(failed.content).toBe(SKETCH);
      expect(h.stage(failed.id, "notice")?.content).toMatch(
        /This answer is the local model's draft, written on this device\. Only the sanitized request left this device\.$/,
      );
      // The sanitized stage of what left is kept with the fallback answer.
      expect(h.stage(failed.id, "sanitized")?.content).toContain("[PERSON_1]");
    });

    it("when the sketch came out empty and the cloud fails, the local model answers on its own instead of leaving the answer empty", async () => {
      script = (call) => (call === 1 ? "" : LOCAL_ANSWER);
      h.cloud.setFault({ status: 500 });
      const answer = await h.ask(h.conversation("hybrid").id, MESSAGE);
      expect(answer).toMatchObject({ status: "done", content: LOCAL_ANSWER });
      expect(model.prompts).toHaveLength(2);
      expect(h.stage(answer.id, "sketch")?.content).toBe("");
      expect(h.stage(answer.id, "notice")?.content).toMatch(
        /\(500\).* The local model answered on its own, on this device\. Only the sanitized request left this device\.$/,
      );
      expect(h.report(answer.id).fallback).toMatchObject({ code: "cloud_server_error" });
    });
  });
});
