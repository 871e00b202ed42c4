import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../../app/privacy";
import { dictionaryAcronyms, isDictionaryAcronym } from "../../../../app/privacy/names/dictionaryAcronyms";

const typed = (text: string, locale: string) =>
  detect(text, new PrivacyVault("t"), { locale }).map((d) => [d.type, d.text]);

describe("acronyms of the German and French spelling dictionaries (issue 11, retention)", () => {
  it("reads the all-capital entries of dictionary-de and dictionary-fr, without Roman numerals", () => {
    expect(isDictionaryAcronym("BGB", "de")).toBe(true);
    expect(isDictionaryAcronym("TGV", "fr")).toBe(true);
    expect(isDictionaryAcronym("CHU", "fr")).toBe(true);
    expect(isDictionaryAcronym("XIV", "fr")).toBe(false);
    // Only for the paragraph's own language: English has no dictionary here.
    expect(isDictionaryAcronym("TGV", "de")).toBe(false);
    expect(dictionaryAcronyms("en").size).toBe(0);
  });

  it("keeps a listed acronym readable in a German or French paragraph", () => {
    expect(typed("Mit Verweis auf § 556 BGB widerspreche ich der Abrechnung.", "de-DE")).toEqual([]);
    expect(typed("Pour Noël on prend le TGV jusqu'à Lyon.", "fr-FR").map(([, t]) => t)).not.toContain("TGV");
  });

  it("makes a listed acronym the user's when the text ties it to them, and leaves unlisted ones private", () => {
    expect(typed("Je travaille chez SNCF depuis dix ans.", "fr-FR")).toContainEqual(["ORG", "SNCF"]);
    // Near miss: an acronym no dictionary lists is still taken for an organisation.
    expect(typed("Ich bin bei der KSWB angestellt und schreibe wegen der Abrechnung.", "de-DE")).toContainEqual([
      "ORG",
      "KSWB",
    ]);
  });
});
