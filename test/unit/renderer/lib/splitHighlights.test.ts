import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from "../../../../app/contract/types";
import { splitHighlights } from "../../../../renderer/src/lib/splitHighlights";

describe("splitHighlights", () => {
  it("marks the text between the markers as highlighted and keeps the rest plain", () => {
    expect(splitHighlights(`the ${S}quick${E} brown ${S}fox${E}`)).toEqual([
      { text: "the ", highlighted: false },
      { text: "quick", highlighted: true },
      { text: " brown ", highlighted: false },
      { text: "fox", highlighted: true },
    ]);
  });

  it("returns HTML in a snippet as plain text, never as markup", () => {
    const parts = splitHighlights(`<img src=x onerror=alert(1)> ${S}<b>hit</b>${E}`);
    expect(parts).toEqual([
      { text: "<img src=x onerror=alert(1)> ", highlighted: false },
      { text: "<b>hit</b>", highlighted: true },
    ]);
  });

  it("tolerates a snippet cut inside a match: a stray end is dropped, an open start runs to the end", () => {
    expect(splitHighlights(`tch${E} and ${S}more`)).toEqual([
      { text: "tch and ", highlighted: false },
      { text: "more", highlighted: true },
    ]);
  });

  it("gives no empty parts for adjacent or empty matches", () => {
    expect(splitHighlights(`${S}${E}${S}a${E}${S}b${E}`)).toEqual([{ text: "ab", highlighted: true }]);
    expect(splitHighlights("")).toEqual([]);
  });

  it("keeps characters outside the BMP (emoji) intact", () => {
    expect(splitHighlights(`${S}🦊${E}!`)).toEqual([
      { text: "🦊", highlighted: true },
      { text: "!", highlighted: false },
    ]);
  });
});
