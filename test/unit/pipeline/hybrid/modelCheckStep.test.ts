import { describe, expect, it } from "vitest";
import { modelCheckSummary } from "../../../../app/pipeline/hybrid/buildPrivacyReport";
import { sanitizeForCloudWithModel } from "../../../../app/pipeline/hybrid/sanitizeForCloud";
import { PrivacyVault } from "../../../../app/privacy";
import { ScriptedModel } from "../../../helpers/scriptedModel";

const OPTIONS = { locale: "en-GB" };
const items = (...found: Array<[string, string]>) =>
  JSON.stringify({ items: found.map(([text, type]) => ({ text, type })) });

/**
 * Step 5 of Hybrid's sanitizing: the local model reads each rule-sanitized part (the user's
 * message, the sketch) for private items the rules missed; what it adds is replaced before
 * anything leaves, and the privacy details say what it did.
 */
describe("the local model's check of what would be sent (step 5)", () => {
  it("replaces what the model found in every part and counts each find by type", async () => {
    // The rules do not know "Quillfeather" (a made-up surname written in lower case) or "ottersby" (a lower-case first name).
    const model = new ScriptedModel((options) => {
      const text = options.turns.at(-1)?.content ?? "";
      const found: Array<[string, string]> = [];
      if (text.includes("quillfeather")) found.push(["quillfeather", "PERSON"]);
      if (text.includes("ottersby")) found.push(["ottersby", "PERSON"]);
      return items(...found);
    });
    const vault = new PrivacyVault("c");
    const result = await sanitizeForCloudWithModel(
      ["Please write to quillfeather about the rent.", "Dear quillfeather, ottersby says hello."],
      vault,
      OPTIONS,
      { model, signal: new AbortController().signal },
    );
    expect(result.texts.join("\n")).not.toMatch(/quillfeather|ottersby/);
    expect(result.modelCheck.status).toBe("done");
    // One person found in each part (the first is already known when the sketch is read): two.
    expect(result.modelCheck.added).toEqual({ PERSON: 2 });
    expect(modelCheckSummary(result.modelCheck)).toBe(" Local-model check: added PERSON ×2.");
  });

  it("when the model fails, the rules' output of that part stands and the check is reported as not run", async () => {
    let calls = 0;
    const model = new ScriptedModel(() => {
      calls++;
      if (calls === 1) throw new Error("context overflow");
      return items();
    });
    const vault = new PrivacyVault("c");
    vault.registerTerms([{ text: "Rose Baker", type: "PERSON" }]);
    const result = await sanitizeForCloudWithModel(
      ["Write to Rose Baker.", "Dear Rose Baker, thank you."],
      vault,
      OPTIONS,
      { model, signal: new AbortController().signal },
    );
    expect(result.texts.join("\n")).not.toContain("Rose Baker");
    expect(result.texts[0]).toMatch(/^Write to \[PERSON_\d+\]\.$/);
    expect(result.modelCheck.status).toBe("failed");
    expect(modelCheckSummary(result.modelCheck)).toBe(" Local-model check: could not run.");
  });

  it("a check that finds nothing says so", () => {
    expect(modelCheckSummary({ status: "done", ms: 3, added: {} })).toBe(" Local-model check: added nothing.");
    expect(modelCheckSummary({ status: "timeout", ms: 15_000, added: { PERSON: 1 } })).toBe(
      " Local-model check: added PERSON ×1 (stopped at its time limit).",
    );
    expect(modelCheckSummary({ status: "off", ms: 0, added: {} })).toBe(" Local-model check: off.");
  });
});
