import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, sanitize } from "../../../../app/privacy";
import { frenchOrdinaryWords, isFrenchOrdinaryWord } from "../../../../app/privacy/names/frenchOrdinaryWords";

const people = (text: string, locale: string) =>
  detect(text, new PrivacyVault("t"), { locale })
    .filter((d) => d.type === "PERSON")
    .map((d) => d.text);

describe("a thank-you or greeting before a comma and a name", () => {
  it("is not part of the name in French: only the name is masked", () => {
    expect(people("Merci, Clément. À demain.", "fr-FR")).toEqual(["Clément"]);
    expect(people("Bonjour, Clément, tu viens ce soir ?", "fr-FR")).toEqual(["Clément"]);
  });

  it("keeps the thank-you readable in what leaves the device", () => {
    const out = sanitize("Merci, Clément. Je te rappelle demain.", new PrivacyVault("t"), { locale: "fr-FR" }).text;
    expect(out).toContain("Merci");
    expect(out).not.toContain("Clément");
  });

  it("is not part of the name in German and English either", () => {
    expect(people("Danke, Jens. Bis morgen.", "de-DE")).toEqual(["Jens"]);
    expect(people("Thanks, Tom. See you on Monday.", "en-US")).toEqual(["Tom"]);
    expect(people("Hi, Tom, are you coming?", "en-US")).toEqual(["Tom"]);
  });
});

describe("everyday French words that a name list also holds", () => {
  it("are no name at the start of a French sentence", () => {
    expect(people("Ancien Pôle emploi : dossier ouvert en mars.", "fr-FR")).toEqual([]);
  });

  it("are no name in lowercase either", () => {
    expect(people("Bonjour, Clément, tu viens ?", "fr-FR")).not.toContain("viens");
  });

  it("come from the French frequency list without the names that list itself knows", () => {
    expect(isFrenchOrdinaryWord("merci", "fr")).toBe(true);
    expect(isFrenchOrdinaryWord("viens", "fr")).toBe(true);
    // Its own first names and surnames stay names: "Rose", "Pierre", "Blanche" are people in a profile.
    for (const name of ["rose", "pierre", "blanche"]) expect(frenchOrdinaryWords().has(name), name).toBe(false);
    // Only in French paragraphs: in English "Merci" may be someone's name.
    expect(isFrenchOrdinaryWord("merci", "en")).toBe(false);
  });

  it("leave a French name that is also a word private", () => {
    expect(people("Rose Dubois habite à Nantes.", "fr-FR")).toEqual(["Rose Dubois"]);
    expect(people("Merci à Anthony, Hannah et Clémence pour l'aide.", "fr-FR")).toEqual([
      "Anthony",
      "Hannah",
      "Clémence",
    ]);
  });
});
