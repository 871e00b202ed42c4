import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { HybridStrategy, Message, PrivacyReport } from "../../../app/contract/types";
import { containsItem, prepareHaystack } from "../../../bench/privacy/matchText";
import { parseScenarios, scenarioLocale, type Scenario } from "../../../bench/privacy/scenarioSchema";
import { replyWithPlaceholders, type RecordedRequest } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

const SCENARIOS = parseScenarios(
  readFileSync(new URL("../../fixtures/privacy/scenarios.jsonl", import.meta.url), "utf8"),
);
const PLACEHOLDER = /\[[A-Z_]+_\d+\]/;

/**
 * Issue #4's privacy guarantee, asserted on what actually left: for every privacy scenario,
 * with the scenario's profile and context as the user's private context and its instruction as
 * the message, Hybrid mode (both strategies) sends no private item in any byte the recording
 * server received, and the audit log holds exactly what was received.
 */
describe("Hybrid mode on every privacy scenario", () => {
  let h: Harness;
  useHybridHarness({ maxAnswerTokens: 16, cloud: { reply: replyWithPlaceholders } }, (started) => (h = started));

  /** One answer in a fresh conversation with the scenario's private context; what it sent. */
  async function answer(
    s: Scenario,
    strategy: HybridStrategy,
    instruction: string,
  ): Promise<{ message: Message; sent: RecordedRequest[] }> {
    h.settings.hybridStrategy = strategy;
    h.setLocale(scenarioLocale(s));
    h.context.profile.set({ freeText: s.profile });
    const conversation = h.conversation("hybrid");
    h.context.items.add({ title: "Notes", text: s.context, conversationId: conversation.id });
    const before = h.cloud.requests.length;
    const message = await h.ask(conversation.id, instruction);
    return { message, sent: h.cloud.requests.slice(before) };
  }

  function expectNothingPrivateLeft(s: Scenario, sent: RecordedRequest[]): void {
    const received = prepareHaystack(sent.map((r) => r.raw).join("\n"));
    const leaked = s.private.filter((p) => containsItem(received, p.text)).map((p) => `${p.type}: ${p.text}`);
    expect(leaked).toEqual([]);
  }

  /** The audit row, the `sanitized` stage and the received body are the same payload. */
  function expectAuditedAsReceived(message: Message, sent: RecordedRequest[]): void {
    expect(sent).toHaveLength(1);
    const rows = h.audit.list({ conversationId: message.conversationId });
    expect(rows).toHaveLength(1);
    // Byte for byte: "Exact payload sent" is the whole body that went over the wire.
    expect(rows[0]!.payload).toBe(sent[0]!.body);
    expect(h.stage(message.id, "sanitized")?.content).toBe(rows[0]!.payload);
    const report = h.stage(message.id, "report")?.meta as unknown as PrivacyReport;
    expect(report).toMatchObject({ mode: "hybrid", leftDevice: 0, bytes: rows[0]!.bytes, fallback: null });
  }

  describe.each<HybridStrategy>(["sketch-refine", "cloud-outline"])("%s", (strategy) => {
    it.each(SCENARIOS.map((s) => [s.id, s] as const))("%s: no private item reaches the cloud", async (_id, s) => {
      const { message, sent } = await answer(s, strategy, s.instruction);
      expect(message.status).toBe("done");
      expectNothingPrivateLeft(s, sent);
      expectAuditedAsReceived(message, sent);
      if (strategy === "sketch-refine") {
        // The cloud answered with placeholders only; the device put the real values back.
        expect(message.content).not.toMatch(PLACEHOLDER);
        expect(message.content).toMatch(/^Here is a polished answer/);
      } else {
        expect(h.stage(message.id, "outline")?.content).not.toMatch(PLACEHOLDER);
      }
    });

    // The tiny model writes random words, so its sketch cannot be made to hold the private
    // values; the message can: the user pastes their profile and notes into it, so every
    // private item of the scenario is in the text the pipeline must sanitize.
    it.each(SCENARIOS.map((s) => [s.id, s] as const))(
      "%s: private context pasted into the message is sanitized before it leaves",
      async (_id, s) => {
        const instruction = `${s.profile}\n${s.context}\n\n${s.instruction}`;
        const { message, sent } = await answer(s, strategy, instruction);
        expect(message.status).toBe("done");
        expectNothingPrivateLeft(s, sent);
        expectAuditedAsReceived(message, sent);
        const report = h.stage(message.id, "report")?.meta as unknown as PrivacyReport;
        expect(report.replaced).toBeGreaterThan(0);
      },
    );
  });
});
