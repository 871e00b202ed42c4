import { describe, expect, it } from "vitest";
import { splitUnits } from "../../../../bench/privacy/loadPupa";
import { runPresidio } from "../../../../bench/privacy/runPresidio";
import { runPupa } from "../../../../bench/privacy/runPupa";
import { runScenarios } from "../../../../bench/privacy/runScenarios";
import type { Scenario } from "../../../../bench/privacy/scenarioSchema";

// Invented data only. The runners call the real engine (app/privacy); these tests check the
// wiring and the reporting guarantees, with items the engine certainly finds or cannot find.
const options = { nlp: false, passes: 1 };

const scenario: Scenario = {
  id: "en-wiring",
  lang: "en",
  profile: "E-mail: zoe.quartermain@example.org",
  context: "The heating broke on Monday.",
  instruction: "Ask the landlord to fix the heating and reply to zoe.quartermain@example.org.",
  private: [
    { text: "zoe.quartermain@example.org", type: "EMAIL" },
    { text: "the heating", type: "OTHER" },
  ],
  public: ["Monday", "landlord"],
};

describe("runScenarios", () => {
  it("reports an item left in any part as leaked, with its value, and keeps public phrases", () => {
    const r = runScenarios([scenario], "inline", options);
    expect(r).toMatchObject({ items: 2, leaked: 1, leakage: 0.5, publicKept: 2, publicRetention: 1 });
    expect(r.byType.EMAIL).toEqual({ items: 1, leaked: 0, leakage: 0 });
    expect(r.leaks).toEqual([{ record: "en-wiring", type: "OTHER", length: 11, text: "the heating" }]);
    expect(r.roundTrip).toMatchObject({ items: 1, itemsRestored: 1 });
    expect(r.publicLost).toEqual([]);
  });

  it("lists a public phrase that sanitize removed", () => {
    const r = runScenarios(
      [{ ...scenario, public: ["Monday", "reply to zoe.quartermain@example.org"] }],
      "inline",
      options,
    );
    expect(r).toMatchObject({ publicKept: 1, publicPhrases: 2, publicRetention: 0.5 });
    expect(r.publicLost).toEqual([{ record: "en-wiring", phrase: "reply to zoe.quartermain@example.org" }]);
  });
});

describe("runPupa", () => {
  it("reports leaking units by row, kind and length only, never their text", () => {
    const rows = [
      {
        row: 7,
        category: "quoted emails and messages",
        query: "Mail jane.doe@example.org about the invoice.",
        units: splitUnits("jane.doe@example.org||invoice||"),
      },
    ];
    const r = runPupa(rows, "inline", options);
    expect(r).toMatchObject({ items: 2, leaked: 1, itemsInInput: 2 });
    expect(r.leaks).toEqual([{ record: "row 7", type: "one_word", length: 7, mask: "aaaaaaa", left: "1/1" }]);
    expect(JSON.stringify(r)).not.toContain("invoice");
  });
});

describe("runPresidio", () => {
  it("scores spans from detect and leaves out-of-scope types out of the leakage", () => {
    const text = "Dr. Ann Lee can be reached at ann.lee@example.com";
    const sample = {
      index: 0,
      text,
      spans: [
        { type: "TITLE", start: 0, end: 3, value: "Dr." },
        { type: "EMAIL_ADDRESS", start: 30, end: 49, value: "ann.lee@example.com" },
      ],
    };
    const r = runPresidio([sample], "inline", options);
    expect(r).toMatchObject({ items: 1, leaked: 0 });
    expect(r.byType.TITLE).toEqual({ items: 1, leaked: 1, leakage: 1 });
    expect(r.spans?.groups.structured).toEqual({ gold: 1, found: 1, recall: 1 });
  });
});
