import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, registerContext, sanitize } from "../../../../app/privacy";
import { publicTitles, titleEndAt } from "../../../../app/privacy/names/publicTitles";

const typed = (text: string) => detect(text, new PrivacyVault("t"), { locale: "en-US" }).map((d) => [d.type, d.text]);

describe("public office titles: an office, not the person holding it (issue 11, retention)", () => {
  it("reads WordNet's kinds of public official as titles, and none of the persons WordNet files among them", () => {
    const { titles } = publicTitles();
    for (const title of ["attorney general", "solicitor general", "secretary of state", "chief constable"])
      expect(titles.has(title), title).toBe(true);
    // Instances and persons filed as kinds are people, not titles.
    for (const person of ["earl warren", "henry kissinger", "pontius pilate"])
      expect(titles.has(person), person).toBe(false);
    expect(titleEndAt(["ohio", "attorney", "general"], 1)).toBe(3);
    expect(titleEndAt(["secretary", "of", "state"], 0)).toBe(3);
    expect(titleEndAt(["general", "motors"], 0)).toBe(-1);
  });

  it("keeps a title readable and replaces only the place before it", () => {
    expect(typed("I wrote to the Solicitor General about it.")).toEqual([]);
    expect(typed("I reported it to the Ohio Attorney General's consumer line.")).toEqual([["LOCATION", "Ohio"]]);
    // A place of two words is a place too, not part of a readable office.
    expect(typed("I emailed the New York Attorney General.")).toEqual([["LOCATION", "New York"]]);
  });

  it("does not turn the place before a title into a person's name for the rest of the conversation", () => {
    const vault = new PrivacyVault("t");
    registerContext(vault, "I reported it to the Ohio Attorney General's consumer line.", { locale: "en-US" });
    expect(sanitize("Cite Ohio's landlord-tenant law.", vault, { locale: "en-US" }).text).toBe(
      "Cite [LOCATION_1]'s landlord-tenant law.",
    );
  });

  it("still replaces the person named with a title, and the office the user works for", () => {
    expect(typed("Attorney General Merrick Garland replied.")).toEqual([["PERSON", "Merrick Garland"]]);
    expect(typed("The Solicitor General, Dana Whitfield, wrote back.")).toEqual([["PERSON", "Dana Whitfield"]]);
    expect(typed("I work for the Solicitor General.")).toEqual([["ORG", "Solicitor General"]]);
  });
});
