import { describe, expect, it } from "vitest";
import { bm25Scores } from "../../../app/store/bm25Scores";
import { parseSearchQuery } from "../../../app/store/parseSearchQuery";

const terms = (text: string) => parseSearchQuery(text)!.terms;
const docs = (...texts: string[]) => texts.map((text) => ({ text, length: text.length }));
const corpus = (totalDocs: number, ...docFrequency: number[]) => ({ totalDocs, docFrequency });

describe("bm25Scores", () => {
  it("scores a document by how often it uses the word, relative to its length", () => {
    const [often, once, longOnce, none] = bm25Scores(
      docs("tea tea tea", "tea and cake", `tea ${"and more words ".repeat(20)}`, "coffee"),
      terms("tea."),
      corpus(100, 10),
    );
    expect(often).toBeGreaterThan(once!);
    expect(once).toBeGreaterThan(longOnce!);
    expect(none).toBe(0);
  });

  it("weighs a rare word more than a common one", () => {
    const [rare, common] = bm25Scores(
      docs("zeppelin zeppelin the", "zeppelin the the"),
      terms("the zeppelin."),
      corpus(1000, 900, 5),
    );
    expect(rare).toBeGreaterThan(common!);
  });

  it("counts whole words only, folding case and accents, and prefixes only for a prefix term", () => {
    const [exact, prefixOnly] = bm25Scores(docs("Café CAFE cafe", "cafes cafeteria"), terms("cafe."), corpus(10, 2));
    expect(exact).toBeGreaterThan(0);
    expect(prefixOnly).toBe(0);
    const [, asPrefix] = bm25Scores(docs("x", "cafes cafeteria"), terms("cafe"), corpus(10, 2));
    expect(asPrefix).toBeGreaterThan(0);
  });

  it("matches a multi-token word as a sequence", () => {
    const [apart, together] = bm25Scores(docs("don and t", "I don't know"), terms("don't"), corpus(10, 1));
    expect(apart).toBe(0);
    expect(together).toBeGreaterThan(0);
  });
});
