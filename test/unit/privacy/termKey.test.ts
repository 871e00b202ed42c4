import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { foldString } from "../../../app/privacy/homoglyphs";
import { termKey } from "../../../app/privacy/termKey";

/** The key's definition, as one chain of regular expressions (termKey has an ASCII fast path). */
const definition = (text: string) =>
  foldString(text)
    .toLowerCase()
    .replace(/(?:['’`]s|s['’`])$/u, (m) => (m.startsWith("s") ? "s" : ""))
    .replace(/[^\p{L}\p{N}@]+/gu, "");

describe("termKey: one vault key per entity", () => {
  it("treats possessives, case, homoglyphs and separators as the same value", () => {
    expect(new Set(["Thompson's", "THOMPSON", "Thоmpson", "thompson"].map(termKey))).toEqual(new Set(["thompson"]));
    expect(termKey("DE89 3704 0044")).toBe(termKey("DE8937040044"));
    expect(termKey("James'")).toBe("james");
    expect(termKey("anna.weber@gmx.de")).toBe("annaweber@gmxde");
  });

  it("gives the key of its definition for every word and word pair of the privacy scenarios, accented and non-Latin ones included", () => {
    const words = readFileSync(new URL("../../fixtures/privacy/scenarios.jsonl", import.meta.url), "utf8").split(/\s+/);
    const samples = [
      ...words,
      ...words.map((w, i) => `${w} ${words[i + 1] ?? ""}`),
      "Müller-Lüdenscheidt",
      "Σοφία's",
      "İstanbul",
      "x`s",
      "s's",
      "+49 (0)30 1234",
      "",
    ];
    for (const s of samples) expect(termKey(s), s).toBe(definition(s));
  });
});
