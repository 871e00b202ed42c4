import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from "../../../app/contract/types";
import { buildSnippet } from "../../../app/store/buildSnippet";
import { parseSearchQuery } from "../../../app/store/parseSearchQuery";

const snippet = (text: string, query: string, size?: number) =>
  buildSnippet(text, parseSearchQuery(query)!.terms, size);
const words = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `w${from + i}`).join(" ");

describe("buildSnippet", () => {
  it("returns a short text whole, with every match marked", () => {
    expect(snippet("Tea, then more tea!", "tea.")).toBe(`${S}Tea${E}, then more ${S}tea${E}!`);
  });

  it("cuts a long text around the match with ellipses, keeping a little context before it", () => {
    const text = `${words(1, 40)} needle ${words(41, 80)}`;
    expect(snippet(text, "needle", 6)).toBe(`…w38 w39 w40 ${S}needle${E} w41 w42…`);
  });

  it("has no leading ellipsis when the window starts at the beginning", () => {
    expect(snippet(`Needle first. ${words(1, 30)}`, "needle", 4)).toBe(`${S}Needle${E} first. w1 w2…`);
  });

  it("has no trailing ellipsis when the window reaches the end, punctuation included", () => {
    expect(snippet(`${words(1, 30)} the needle.`, "needle", 5)).toBe(`…w28 w29 w30 the ${S}needle${E}.`);
  });

  it("prefers the window holding more of the different words", () => {
    const text = `alpha ${words(1, 30)} alpha beta ${words(31, 60)}`;
    expect(snippet(text, "alpha beta", 5)).toBe(`…w28 w29 w30 ${S}alpha${E} ${S}beta${E}…`);
  });

  it("marks accented and capitalised words as written", () => {
    expect(snippet("Un Café crème", "cafe creme")).toBe(`Un ${S}Café${E} ${S}crème${E}`);
  });

  it("marks the whole word found by a prefix, and a multi-token word as one span", () => {
    expect(snippet("Databases: I don't know", "don't datab")).toBe(`${S}Databases${E}: I ${S}don't${E} know`);
  });

  it("finds a match far into a very long text", () => {
    const text = `${"filler ".repeat(30_000)}the needle ${"end ".repeat(50)}`;
    const result = snippet(text, "needle");
    expect(result).toContain(`${S}needle${E}`);
    expect(result.length).toBeLessThan(120);
  });

  it("shows the beginning, unmarked, if the words cannot be located", () => {
    expect(snippet(`${words(1, 20)}`, "absent", 3)).toBe("w1 w2 w3…");
  });
});
