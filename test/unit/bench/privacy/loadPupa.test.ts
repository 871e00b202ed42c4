import { describe, expect, it } from "vitest";
import { splitUnits, unitKind } from "../../../../bench/privacy/loadPupa";

describe("splitUnits", () => {
  it("drops empty units from a stray separator and duplicates within a row", () => {
    expect(splitUnits("jane roe||||Jane Roe ||acme corp||").map((u) => u.text)).toEqual(["jane roe", "acme corp"]);
  });
});

describe("unitKind", () => {
  it("classifies units by shape so reports never need their text", () => {
    expect(unitKind("presidio_anonymized_person")).toBe("presidio_placeholder");
    expect(unitKind("jane.roe@example.org")).toBe("email");
    expect(unitKind("www.example.org")).toBe("url");
    expect(unitKind("+1 (555) 010-0199")).toBe("number");
    expect(unitKind("张伟")).toBe("non_latin");
    expect(unitKind("roe")).toBe("one_word");
    expect(unitKind("acme corp")).toBe("multi_word");
  });
});
