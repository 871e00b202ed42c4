import { describe, expect, it } from "vitest";
import { fitToTokens } from "../../../../app/pipeline/hybrid/fitToTokens";

/** One token per character: the cut points are then easy to read off. */
const chars = (text: string) => text.length;

describe("fitToTokens (the cloud's outline in the local model's prompt)", () => {
  it("keeps a text that fits exactly as it is, without a cut mark", () => {
    expect(fitToTokens("abcde", 5, chars)).toBe("abcde");
    expect(fitToTokens("ab\ncd", 5, chars)).toBe("ab\ncd");
  });

  it("keeps whole lines while they fit with the cut mark, then as much of the next line as fits", () => {
    expect(fitToTokens("ab\ncdefgh", 6, chars)).toBe("ab\ncd…");
    // "abc…" fits exactly, so the first line stays whole; nothing of the second fits after it.
    expect(fitToTokens("abc\ndefghij", 4, chars)).toBe("abc…");
  });

  it("never exceeds the budget, and gives nothing rather than a lone cut mark when nothing fits", () => {
    for (let max = 1; max < 12; max++) expect(fitToTokens("abc\ndefghij", max, chars).length).toBeLessThanOrEqual(max);
    expect(fitToTokens("abcdef", 0, chars)).toBe("");
  });
});
