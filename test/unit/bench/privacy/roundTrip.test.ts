import { describe, expect, it } from "vitest";
import { roundTripOutcome, tallyRoundTrips, withoutPossessive } from "../../../../bench/privacy/roundTrip";

const items = [{ text: "Okafor" }, { text: "blood test" }];

describe("roundTripOutcome", () => {
  it("counts an item restored as part of its entity's canonical value", () => {
    const o = roundTripOutcome("Ask Dr. Okafor", "Ask Dr. [PERSON_1]", "Ask Dr. Samuel Okafor", items);
    expect(o).toEqual({ removed: 1, restored: 1, exact: false, lost: [] });
  });

  it("counts an item lost when restore cannot put it back", () => {
    const o = roundTripOutcome("Ask Dr. Okafor", "Ask Dr. [PERSON_1]", "Ask Dr. [PERSON_1]", items);
    expect(o).toEqual({ removed: 1, restored: 0, exact: false, lost: [0] });
  });

  it("does not count a round trip in which sanitize changed nothing", () => {
    expect(roundTripOutcome("the blood test", "the blood test", "the blood test", items).exact).toBeNull();
  });
});

describe("tallyRoundTrips", () => {
  it("reports the item restore rate and the exact round-trip rate", () => {
    const t = tallyRoundTrips([
      { removed: 2, restored: 2, exact: true, lost: [] },
      { removed: 1, restored: 0, exact: false, lost: [0] },
      { removed: 0, restored: 0, exact: null, lost: [] },
    ]);
    expect(t).toMatchObject({ items: 3, itemsRestored: 2, texts: 2, exact: 1, exactRoundTripRate: 0.5 });
    expect(t.restoreRate).toBeCloseTo(2 / 3);
  });
});

describe("withoutPossessive", () => {
  it("counts a genitive item as restored inside the canonical value", () => {
    const o = roundTripOutcome("Leas Zeugnis", "[PERSON_1]s Zeugnis", "Lea Lehmanns Zeugnis", [{ text: "Leas" }]);
    expect(o.lost).toEqual([]);
    expect(withoutPossessive("Anna's")).toBe("Anna");
    expect(withoutPossessive("Jas")).toBe("Jas");
  });
});
