import { describe, expect, it } from "vitest";
import { buildContextQuery, MAX_QUERY_TERMS } from "../../../app/context/buildContextQuery";

describe("buildContextQuery", () => {
  it("ORs the distinct content words of a question, each quoted", () => {
    expect(buildContextQuery("When is my dentist appointment? Dentist!")).toBe('"dentist" OR "appointment"');
  });

  it("keeps numbers (even one digit) and non-English words, drops single letters", () => {
    expect(buildContextQuery("Flat 4 b, Straße Nº 12")).toBe('"flat" OR "4" OR "straße" OR "nº" OR "12"');
  });

  it("turns FTS operators and quotes into plain words or nothing", () => {
    expect(buildContextQuery('NEAR(wifi "pass) AND col:x*')).toBe('"near" OR "wifi" OR "pass" OR "col"');
  });

  it("returns null when nothing searchable is left", () => {
    for (const text of ["", "   ", "?!…", "what is it", "🙂", "a b c"]) expect(buildContextQuery(text)).toBeNull();
  });

  it(`uses at most ${MAX_QUERY_TERMS} terms`, () => {
    const text = Array.from({ length: 100 }, (_, i) => `word${i}`).join(" ");
    expect(buildContextQuery(text)!.split(" OR ")).toHaveLength(MAX_QUERY_TERMS);
  });
});
