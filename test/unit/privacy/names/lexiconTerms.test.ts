import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../../app/privacy";

const typed = (text: string, locale = "en-GB") =>
  detect(text, new PrivacyVault("t"), { locale }).map((d) => [d.type, d.text]);

describe("public acronyms across the names rules (issue 11, retention)", () => {
  it("keeps a listed public acronym readable after a cue that introduces a name and where a list knows it as an organisation", () => {
    // "called X" introduces a name; compromise lists NHS as an organisation: the public acronym wins over both.
    expect(typed("Called NHS 111 on Sunday; the GP confirmed it.")).toEqual([]);
    expect(typed("The NHS leaflet says to wait a week.")).toEqual([]);
  });

  it("still takes an unlisted acronym for an organisation and a listed place in capitals for a place", () => {
    expect(typed("I was at the KSWB office on Sunday.")).toContainEqual(["ORG", "KSWB"]);
    expect(typed("The parcel was produced in the USA last year.", "en-US")).toContainEqual(["LOCATION", "USA"]);
  });

  it("does not read a public body in a list of words as a person, but the other members still count", () => {
    expect(typed("Write to Medicare and FEMA about my claim.", "en-US")).toEqual([]);
    expect(typed("Write to Medicare and Rindy about my claim.", "en-US")).toEqual([["PERSON", "Rindy"]]);
  });
});
