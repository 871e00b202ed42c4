import { describe, expect, it } from "vitest";
import { countOccurrences, maskOccurrence, maskText } from "../../../../bench/privacy/maskText";

describe("maskText", () => {
  it("keeps only case, digits positions and punctuation", () => {
    expect(maskText("Jane O'Neil")).toBe("Aaaa A'Aaaa");
    expect(maskText("$50,000")).toBe("$99,999");
    expect(maskText("Zoë\n\tMüller")).toBe("Aaa Aaaaaa");
    expect(maskText("张伟")).toBe("xx");
  });

  it("truncates long masks", () => {
    expect(maskText("a".repeat(50), 10)).toBe("aaaaaaaaaa…");
  });
});

describe("maskOccurrence", () => {
  it("masks the occurrence as written in the output, not the lowercased unit", () => {
    expect(maskOccurrence("Send it to Jane Roe today", "jane roe")).toBe("Aaaa Aaa");
  });
});

describe("countOccurrences", () => {
  it("counts case-insensitive, non-overlapping occurrences", () => {
    expect(countOccurrences("Roe, roe and ROE", "roe")).toBe(3);
    expect(countOccurrences("anything", "")).toBe(0);
  });
});
