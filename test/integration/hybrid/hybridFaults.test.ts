import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { HybridStrategy, Message } from "../../../app/contract/types";
import type { CloudFault } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

const REPLY =
  "Dear landlord, the heating in the bathroom has been broken for two weeks. Please send someone to repair it this week. Kind regards.";
const MESSAGE = "Write to my landlord Derek Pollard that the heating is broken.";

const FAULTS: Array<[name: string, fault: CloudFault, code: string, says: RegExp]> = [
  ["401", { status: 401 }, "cloud_auth", /rejected the API key \(401\)/],
  ["404", { status: 404 }, "cloud_model_not_found", /does not know the model "test-model" \(404\)/],
  ["429", { status: 429, retryAfterSeconds: 7 }, "cloud_rate_limited", /7 s/],
  ["500", { status: 500 }, "cloud_server_error", /\(500\)/],
  ["a hang past the timeout", { hang: true }, "cloud_timeout", /did not answer within 0\.3 s/],
  ["a stream cut halfway", { cutStreamAfterChunks: 3 }, "cloud_stream_broken", /broke off/],
  ["malformed SSE", { malformedSse: true }, "cloud_bad_response", /malformed stream/],
];

/** Every way the cloud step can fail: Hybrid answers locally and says why; Cloud mode fails clearly. */
describe("Hybrid and Cloud mode when the cloud fails", () => {
  let h: Harness;
  useHybridHarness(
    {
      endless: true,
      maxAnswerTokens: 16,
      cloud: { reply: REPLY },
      gate: { declaredTerms: [{ text: "Quillfeather", type: "PERSON" }] },
    },
    (started) => {
      h = started;
      h.settings.cloudTimeoutMs = 300;
    },
  );

  afterEach(() => {
    h.cloud.setFault(null);
    h.settings.offline = false;
    h.settings.cloudBaseUrl = h.cloud.baseUrl;
  });

  /** The local fallback answer, its notice and report, and the conversation intact in SQLite. */
  function expectLocalFallback(message: Message, strategy: HybridStrategy, code: string, says: RegExp): void {
    expect(message.status).toBe("done");
    expect(message.content.length).toBeGreaterThan(0);
    if (strategy === "sketch-refine") expect(message.content).toBe(h.stage(message.id, "sketch")?.content);
    expect(h.progress(message.id)).toContain("fallback");
    const notice = h.stage(message.id, "notice");
    expect(notice?.content).toMatch(says);
    expect(notice?.content).toMatch(/on this device/);
    expect(h.report(message.id).fallback).toMatchObject({ code });
    const stored = h.store.messages.listForConversation(message.conversationId);
    expect(stored.map((m) => [m.role, m.status])).toEqual([
      ["user", "done"],
      ["assistant", "done"],
    ]);
    expect(stored[0]!.content).toBe(MESSAGE);
    expect(stored[1]!.content).toBe(message.content);
  }

  describe.each<HybridStrategy>(["sketch-refine", "cloud-outline"])("Hybrid, %s", (strategy) => {
    it.each(FAULTS)(
      "%s: answers locally with a notice that gives the clear message",
      async (_name, fault, code, says) => {
        h.settings.hybridStrategy = strategy;
        h.cloud.setFault(fault);
        const before = h.cloud.requests.length;
        const message = await h.ask(h.conversation("hybrid").id, MESSAGE);
        expectLocalFallback(message, strategy, code, says);
        // The sanitized request did leave (once, no retries), and the report says so.
        expect(h.cloud.requests.length - before).toBe(1);
        expect(h.report(message.id).bytes).toBe(h.audit.list({ conversationId: message.conversationId })[0]!.bytes);
        expect(h.stage(message.id, "notice")?.content).toMatch(/Only the sanitized request left this device/);
      },
    );

    it("cloud not set up: answers locally, says how to set it up, sends nothing", async () => {
      h.settings.hybridStrategy = strategy;
      h.settings.cloudBaseUrl = null;
      const before = h.cloud.requests.length;
      const message = await h.ask(h.conversation("hybrid").id, MESSAGE);
      expectLocalFallback(message, strategy, "cloud_not_configured", /Settings → Cloud/);
      expect(h.cloud.requests.length).toBe(before);
      expect(h.report(message.id)).toMatchObject({ bytes: 0, replaced: 0, endpoint: null });
      expect(h.stage(message.id, "sanitized")).toBeUndefined();
    });

    it("a private item only the gate knows: blocked, nothing sent or audited, answered locally", async () => {
      h.settings.hybridStrategy = strategy;
      const conversation = h.conversation("hybrid");
      const before = h.cloud.requests.length;
      const message = await h.ask(conversation.id, "Write a thank-you note to quillfeather for the flowers.");
      expect(message.status).toBe("done");
      expect(h.report(message.id).fallback).toMatchObject({ code: "egress_blocked" });
      expect(h.stage(message.id, "notice")?.content).toMatch(/Nothing left this device/);
      expect(h.cloud.requests.length).toBe(before);
      expect(h.audit.list({ conversationId: conversation.id })).toEqual([]);
    });
  });

  it.each(FAULTS.slice(0, 5))(
    "Cloud mode, %s: the message is marked error with the clear message",
    async (_name, fault, _code, says) => {
      h.cloud.setFault(fault);
      const conversation = h.conversation("cloud");
      const message = await h.ask(conversation.id, MESSAGE);
      expect(message.status).toBe("error");
      expect(message.error).toMatch(says);
      const stored = h.store.messages.listForConversation(conversation.id);
      expect(stored.map((m) => [m.role, m.status])).toEqual([
        ["user", "done"],
        ["assistant", "error"],
      ]);
    },
  );

  describe("Offline mode", () => {
    let listener: Server;
    let connections = 0;

    beforeAll(async () => {
      // A listener that would see any attempt to connect, whatever the HTTP client does.
      listener = createServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    });

    afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

    it("a full session in each mode makes zero connections; Hybrid and Cloud answer locally with a notice", async () => {
      h.settings.offline = true;
      h.settings.cloudBaseUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/v1`;
      const before = { requests: h.cloud.requests.length, audited: h.audit.count() };
      for (const strategy of ["sketch-refine", "cloud-outline"] as const) {
        h.settings.hybridStrategy = strategy;
        const conversation = h.conversation("hybrid");
        for (const text of [MESSAGE, "Make it shorter."]) {
          const message = await h.ask(conversation.id, text);
          expect(message.status).toBe("done");
          expect(h.report(message.id)).toMatchObject({ fallback: { code: "offline" }, bytes: 0 });
          expect(h.stage(message.id, "notice")?.content).toMatch(/Offline mode/);
        }
      }
      const cloudConversation = h.conversation("cloud");
      // As the banner, the composer and the README promise: a local answer, not a red error.
      const local = await h.ask(cloudConversation.id, MESSAGE);
      expect(local).toMatchObject({ status: "done", error: null });
      expect(h.report(local.id)).toMatchObject({ fallback: { code: "offline" }, bytes: 0 });
      expect(h.stage(local.id, "notice")?.content).toMatch(/Offline mode is on/);
      const privateConversation = h.conversation("private");
      expect((await h.ask(privateConversation.id, MESSAGE)).status).toBe("done");
      expect(connections).toBe(0);
      expect(h.cloud.requests.length).toBe(before.requests);
      expect(h.audit.count()).toBe(before.audited);
    });
  });
});
