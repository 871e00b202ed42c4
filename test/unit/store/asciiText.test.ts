import { describe, expect, it } from "vitest";
import { bm25Scores } from "../../../app/store/bm25Scores";
import { buildSnippet } from "../../../app/store/buildSnippet";
import { parseSearchQuery } from "../../../app/store/parseSearchQuery";
import { tokenSpans } from "../../../app/store/tokenize";
import { seededRandom } from "../../../native-models/gguf/seededRandom";

/**
 * ASCII text takes a faster path through tokenizing, ranking and snippets (plain character
 * classes instead of Unicode ones). One non-letter, non-ASCII character ("¶", a separator for
 * FTS5 too) sends the same text down the general path: both must give the same answer.
 */
const MARK = "¶ ";

const VOCABULARY =
  "the The THE tea Tea teapot tean database data_base don't e-mail C++ node.js x86 3.14 42 2024 a I ok OK NaN Python PYTHON py py3 hello, world! (paren) [x] {y} <b> @user #tag $5 50% a&b ~ ` ^ | \\ / : ; ? _ __init__".split(
    " ",
  );
const SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", ", ", ". ", "-", "'", "_"];

function texts(seed: number, count: number): string[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 60) }, () => pick(VOCABULARY) + pick(SEPARATORS)).join(""),
  );
}

const QUERIES = [
  "the",
  "tea",
  "teap",
  "data",
  "don't",
  "e-mail",
  "c++",
  "node.js",
  "python py",
  "hello world",
  "42 tea",
  "init",
  "the tea pot",
];

describe("ASCII text and the general path", () => {
  const samples = texts(20261207, 300);

  it("yields the same tokens, offsets and folded words", () => {
    for (const text of samples) {
      const shifted = [...tokenSpans(MARK + text)].map((s) => ({ ...s, start: s.start - 2, end: s.end - 2 }));
      expect([...tokenSpans(text)]).toEqual(shifted);
    }
  });

  it("scores every text the same for every query", () => {
    for (const query of QUERIES) {
      const terms = parseSearchQuery(query)!.terms;
      const corpus = { totalDocs: 1000, docFrequency: terms.map((_, i) => 10 + i * 50) };
      const ascii = bm25Scores(
        samples.map((text) => ({ text, length: text.length })),
        terms,
        corpus,
      );
      const general = bm25Scores(
        samples.map((text) => ({ text: MARK + text, length: text.length })),
        terms,
        corpus,
      );
      expect(ascii).toEqual(general);
      expect(ascii.some((score) => score > 0)).toBe(true);
    }
  });

  it("builds the same snippet for every text and query", () => {
    for (const query of QUERIES) {
      const terms = parseSearchQuery(query)!.terms;
      for (const text of samples) {
        const ascii = buildSnippet(text, terms);
        // The general path's text starts with the mark, shown only when the snippet starts at the beginning.
        const general = buildSnippet(MARK + text, terms);
        expect(general).toBe(ascii.startsWith("…") || ascii === "" ? ascii : MARK + ascii);
      }
    }
  });
});
