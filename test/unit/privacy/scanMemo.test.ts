import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, sanitize } from "../../../app/privacy";
import { recognizerContext } from "../../../app/privacy/detect";
import { names } from "../../../app/privacy/recognizers/names";
import type { Span } from "../../../app/privacy/recognizers/Recognizer";
import { sanitizeDetected } from "../../../app/privacy/sanitize";
import { parseScenarios, scenarioLocale, scenarioParts } from "../../../bench/privacy/scenarioSchema";

const SCENARIOS = parseScenarios(
  readFileSync(new URL("../../fixtures/privacy/scenarios.jsonl", import.meta.url), "utf8"),
);
const EN = recognizerContext("en-US");

describe("sanitize's re-check reuses step 4 for paragraphs with nothing replaced (speed, issue #11)", () => {
  it("finds the same names with a memo as without, and runs the names rules again only on a changed paragraph", () => {
    const first = "My landlord Peter Okonkwo refuses to fix the heating.\n\nI wrote to Gary Thompson at the council.";
    const second = "My landlord Peter Okonkwo refuses to fix the heating.\n\nI wrote to [PERSON_2] at the council.";
    const memo = new Map<string, readonly Span[]>();
    expect(names(first, EN, memo)).toEqual(names(first, EN));
    expect(memo.size).toBe(2);
    expect(names(second, EN, memo)).toEqual(names(second, EN));
    // The unchanged first paragraph came from the memo: one new entry, for the changed paragraph.
    expect(memo.size).toBe(3);
  });

  it("keeps a paragraph's names apart per language: the same text under German rules is scanned again", () => {
    const text = "Treffen mit Quastorf morgen.";
    const memo = new Map<string, readonly Span[]>();
    const english = names(text, EN, memo);
    const german = names(text, recognizerContext("de-DE"), memo);
    expect(german).toEqual(names(text, recognizerContext("de-DE")));
    expect(english).not.toEqual(german);
    expect(memo.size).toBe(2);
  });

  it("gives every scenario message the same sanitized text as a re-check that runs every step on every paragraph", () => {
    const plain = [
      "Please summarise the meeting notes in three bullet points.",
      "What is the capital of France?\n\nAnswer in one word.",
    ];
    for (const scenario of SCENARIOS) {
      const options = { locale: scenarioLocale(scenario) };
      for (const part of [...scenarioParts(scenario), ...plain]) {
        const withMemo = sanitize(part, new PrivacyVault("memo"), options);
        const reference = new PrivacyVault("reference");
        const withoutMemo = sanitizeDetected(part, reference, detect(part, reference, options), options);
        expect(withMemo, scenario.id).toEqual(withoutMemo);
      }
    }
  });

  it("leaves a text with nothing private unchanged, and the gate's full scan of it finds nothing", () => {
    const vault = new PrivacyVault("c");
    const text = "Please summarise the meeting notes in three bullet points.";
    expect(sanitize(text, vault, { locale: "en-US" }).text).toBe(text);
    expect(detect(text, vault, { locale: "en-US" })).toEqual([]);
  });
});
