import { readFileSync } from "node:fs";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { describe, expect, it } from "vitest";
import { isVocabularyWord } from "../../../../app/privacy/commonWords";
import { isEnglishWord } from "../../../../app/privacy/names/englishWords";
import { lexiconTerms } from "../../../../app/privacy/names/lexiconTerms";
import { tokenize, type Token } from "../../../../app/privacy/names/nameTokens";
import { mostlyEnglish } from "../../../../app/privacy/names/properNouns";
import { tagWords } from "../../../../app/privacy/names/winkTagger";
import { parseScenarios, scenarioParts } from "../../../../bench/privacy/scenarioSchema";

/** Shortcuts taken for speed (issues #11/#13) must answer what the plain definitions answer. */
const PARAGRAPHS = ["scenarios.jsonl", "dev2.jsonl"]
  .flatMap((file) =>
    parseScenarios(readFileSync(new URL(`../../../fixtures/privacy/${file}`, import.meta.url), "utf8")),
  )
  .flatMap(scenarioParts)
  .flatMap((part) => part.split(/\n\s*\n/))
  .filter((p) => p.trim() !== "");

/** The definition mostlyEnglish answers without reading every word. */
const countedEnglish = (tokens: readonly Token[]) =>
  tokens.filter((t) => isEnglishWord(t.lower) || isVocabularyWord(t.lower)).length >= tokens.length * 0.5;

describe("mostlyEnglish: at least half the words are English or en/de/fr vocabulary", () => {
  it("answers as counting every word does, for every scenario paragraph and its lowercase words", () => {
    for (const paragraph of PARAGRAPHS) {
      const tokens = tokenize(paragraph);
      expect(mostlyEnglish(tokens)).toBe(countedEnglish(tokens));
      const lowercase = tokens.filter((t) => !t.capitalized);
      expect(mostlyEnglish(lowercase)).toBe(countedEnglish(lowercase));
    }
  }, 60_000);

  it("counts exactly half as English, one word less as not, and no words as English", () => {
    expect(mostlyEnglish(tokenize("the house qwzrtx vbnmlk"))).toBe(true);
    expect(mostlyEnglish(tokenize("qwzrtx vbnmlk the house"))).toBe(true);
    expect(mostlyEnglish(tokenize("the qwzrtx vbnmlk"))).toBe(false);
    expect(mostlyEnglish(tokenize("qwzrtx vbnmlk xkcdq the house"))).toBe(false);
    expect(mostlyEnglish(tokenize("qwzrtx vbnmlk the house garden"))).toBe(true);
    expect(mostlyEnglish([])).toBe(true);
  });
});

describe("the names tagger without sentence splitting", () => {
  it("tags every word of every scenario paragraph as wink-nlp does with its sentence splitter on", () => {
    const withSentences = winkNLP(model, ["sbd", "pos"]);
    for (const paragraph of PARAGRAPHS) {
      const doc = withSentences.readDoc(paragraph);
      const values = doc.tokens().out(withSentences.its.value) as string[];
      const tags = doc.tokens().out(withSentences.its.pos) as string[];
      // Offsets found as tagWords finds them: each word in the text after the previous one.
      const expected: Array<{ start: number; end: number; pos: string | undefined }> = [];
      let at = 0;
      values.forEach((value, i) => {
        const start = paragraph.indexOf(value, at);
        if (start < 0) return;
        at = start + value.length;
        expected.push({ start, end: at, pos: tags[i] });
      });
      expect(tagWords(paragraph)).toEqual(expected);
    }
  }, 60_000);
});

describe("lowercase listed places and organisations of two words", () => {
  it("still finds a two-word place written in lowercase, and its first word alone is no place", () => {
    const spans = (text: string) =>
      lexiconTerms(tokenize(text)).map((s) => [s.type, text.slice(s.start, s.end)] as const);
    expect(spans("we moved to hong kong last year")).toEqual([["LOCATION", "hong kong"]]);
    expect(spans("we moved to hong last year")).toEqual([]);
  });
});
