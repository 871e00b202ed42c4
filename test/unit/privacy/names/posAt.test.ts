import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { posAt, tagWords, type TaggedWord } from "../../../../app/privacy/names/winkTagger";
import { parseScenarios, scenarioParts } from "../../../../bench/privacy/scenarioSchema";

const PARAGRAPHS = parseScenarios(
  readFileSync(new URL("../../../fixtures/privacy/scenarios.jsonl", import.meta.url), "utf8"),
)
  .flatMap(scenarioParts)
  .flatMap((part) => part.split(/\n\s*\n/))
  .filter((p) => p.trim() !== "");

/** The definition posAt answers faster (binary search, speed issue #13): the first tagged word at exactly start–end. */
const linear = (tags: readonly TaggedWord[], start: number, end: number) =>
  tags.find((w) => w.start === start && w.end === end)?.pos;

describe("posAt: the tag of a word by its offsets", () => {
  it("gives every word of every scenario paragraph the tag a search through all words gives", () => {
    for (const paragraph of PARAGRAPHS) {
      const tags = tagWords(paragraph);
      for (const w of tags) expect(posAt(tags, w.start, w.end)).toBe(linear(tags, w.start, w.end));
    }
  }, 60_000);

  it("gives no tag for offsets that are not one tagged word: inside a word, across two, past the end", () => {
    const text = "I can't meet Gary Thompson tomorrow.";
    const tags = tagWords(text);
    const gary = text.indexOf("Gary");
    expect(posAt(tags, gary, gary + 4)).toBe("PROPN");
    expect(posAt(tags, gary + 1, gary + 4)).toBeUndefined();
    expect(posAt(tags, gary, text.indexOf(" tomorrow"))).toBeUndefined();
    expect(posAt(tags, text.length + 1, text.length + 3)).toBeUndefined();
    expect(posAt([], 0, 1)).toBeUndefined();
  });
});
