import { describe, expect, it } from "vitest";
import type { ModelCheckReport, PrivacyReport } from "../../../app/contract/types";
import { replyWithPlaceholders } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

const MESSAGE = "Write to my landlord Derek Pollard that the heating in my flat has been broken since Monday.";

/**
 * Step 5 in Hybrid (issue #11, item 5) on the tiny test model. Its weights are random, so this
 * checks the mechanics — the pass runs, respects its time budget and the setting, and the report
 * says what it did — never the quality of its suggestions.
 */
describe("Hybrid's thorough check with the local model", () => {
  let h: Harness;
  useHybridHarness({ maxAnswerTokens: 16, cloud: { reply: replyWithPlaceholders } }, (started) => (h = started));

  async function answer(): Promise<{
    report: PrivacyReport;
    check: ModelCheckReport | undefined;
    raw: string;
    summary: string;
  }> {
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(conversation.id, MESSAGE);
    const sent = h.cloud.requests.slice(before);
    expect(sent).toHaveLength(1);
    const stage = h.stage(message.id, "report")!;
    const report = stage.meta as unknown as PrivacyReport;
    return { report, check: report.modelCheck, raw: sent[0]!.raw, summary: stage.content };
  }

  it("runs after the rules (on by default); what it added is counted in the report and left only as placeholders", async () => {
    expect(h.store.settings.get().thoroughModelCheck).toBe(true);
    h.settings.thoroughModelCheck = true;
    h.settings.modelCheckBudgetMs = 60_000;
    const { report, check, raw, summary } = await answer();
    expect(check?.status).toBe("done");
    expect(check!.ms).toBeGreaterThan(0);
    for (const [type, n] of Object.entries(check!.added)) {
      expect(report.byType[type]).toBeGreaterThanOrEqual(n);
      expect(raw).toContain(`[${type}_`);
    }
    expect(raw).not.toMatch(/Pollard/);
    expect(summary).toMatch(/Local-model check: added/);
  });

  it("stops at its time budget and still sends the rules' result", async () => {
    h.settings.thoroughModelCheck = true;
    h.settings.modelCheckBudgetMs = 1;
    const { check, raw, summary } = await answer();
    expect(check).toMatchObject({ status: "timeout", added: {} });
    expect(raw).not.toMatch(/Pollard/);
    expect(summary).toMatch(/stopped at its time limit/);
  });

  it("does not run when turned off, and the report says so", async () => {
    h.settings.thoroughModelCheck = false;
    const { check, raw, summary } = await answer();
    expect(check).toEqual({ status: "off", ms: 0, added: {} });
    expect(raw).not.toMatch(/Pollard/);
    expect(summary).toMatch(/Local-model check: off/);
  });
});
