import { describe, expect, it } from "vitest";
import { MAX_TERMS, parseSearchQuery } from "../../../app/store/parseSearchQuery";

const match = (text: string) => parseSearchQuery(text)?.match ?? null;

describe("parseSearchQuery", () => {
  it("quotes every word and matches the last one as a prefix", () => {
    expect(match("memory leak")).toBe('"memory" "leak"*');
  });

  it("turns FTS5 operators into plain quoted words", () => {
    expect(match("cats AND dogs")).toBe('"cats" "AND" "dogs"*');
    expect(match("NEAR(a b)")).toBe('"NEAR(a" "b)"');
    expect(match("col:value -not ^start")).toBe('"col:value" "-not" "^start"*');
  });

  it("doubles quotes inside a word so they cannot close the phrase", () => {
    expect(match('say "hello')).toBe('"say" """hello"*');
    expect(match('a"b"c')).toBe('"a""b""c"');
  });

  it("keeps a word like don't as one phrase and does not make its one-letter end a prefix", () => {
    expect(parseSearchQuery("don't")).toEqual({
      match: '"don\'t"',
      terms: [{ fts: '"don\'t"', tokens: ["don", "t"], prefix: false }],
    });
  });

  it("only makes a last word of three or more letters a prefix, and not one ending in punctuation", () => {
    expect(match("go")).toBe('"go"');
    expect(match("gol")).toBe('"gol"*');
    expect(match("done.")).toBe('"done."');
    expect(match("apple*")).toBe('"apple*"');
  });

  it("drops words without letters or digits, and repeated words", () => {
    expect(match("🙂 -- tea ?? tea")).toBe('"tea"*');
    expect(parseSearchQuery("🙂 -- ?? ...")).toBeNull();
    expect(parseSearchQuery("   ")).toBeNull();
  });

  it("folds case and accents in the tokens used for ranking", () => {
    expect(parseSearchQuery("Crème BRÛLÉE")?.terms.map((t) => t.tokens)).toEqual([["creme"], ["brulee"]]);
  });

  it(`keeps at most ${MAX_TERMS} words`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    expect(parseSearchQuery(words.join(" "))?.terms).toHaveLength(MAX_TERMS);
  });
});
