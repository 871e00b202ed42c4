import { describe, expect, it } from "vitest";
import { nameLists } from "../../../../app/privacy/names/nameLists";
import { tokenize } from "../../../../app/privacy/names/nameTokens";

/** The list rule alone: which members of "A, B and C" it hands on as people. */
const listed = (text: string, language = "en") =>
  nameLists(text, tokenize(text), language).map((s) => text.slice(s.start, s.end));

describe("a list of people written with accents", () => {
  it("keeps a listed name that is also a word when it is written with its accent", () => {
    // "Clément" is a French adjective and, folded, the listed given name "Clement".
    expect(listed("Anthony, Hannah and Clément are coming tomorrow.")).toEqual(["Anthony", "Hannah", "Clément"]);
    expect(listed("Merci à Anthony, Hannah et Clémence pour l'aide.", "fr")).toEqual(["Anthony", "Hannah", "Clémence"]);
  });

  it("takes the same name written without its accent", () => {
    expect(listed("Anthony, Hannah and Clement are coming tomorrow.")).toEqual(["Anthony", "Hannah", "Clement"]);
  });

  it("still leaves an ordinary word beside the list out", () => {
    expect(listed("Très Cordialement, Julie", "fr")).toEqual(["Julie"]);
  });
});
