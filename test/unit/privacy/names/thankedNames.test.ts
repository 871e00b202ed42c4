import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../../app/privacy";

const people = (text: string, locale: string) =>
  detect(text, new PrivacyVault("t"), { locale })
    .filter((d) => d.type === "PERSON")
    .map((d) => d.text);

describe("the person thanked or greeted after 'merci à', 'Danke an', 'thanks to' (issue 11, recall)", () => {
  it("replaces a given name that is also an everyday word after a thank-you in French, German and English", () => {
    expect(people("Bonjour, voici le dossier complet. Merci à Rose de la part de toute l'équipe.", "fr-FR")).toContain(
      "Rose",
    );
    expect(people("Je t’envoie les papiers demain. Bisous et merci à Olive pour son aide.", "fr-FR")).toContain(
      "Olive",
    );
    expect(people("Die Unterlagen kommen morgen. Vielen Dank nochmal an Hope für die Hilfe.", "de-DE")).toContain(
      "Hope",
    );
    expect(people("The move went well, and thanks to Grace for the van.", "en-US")).toContain("Grace");
    expect(people("Liebe Grüße an Rose und die Kinder.", "de-DE")).toContain("Rose");
  });

  it("takes the surname after the thanked given name with it", () => {
    expect(people("The report is attached. Thank you so much to Olive Garnier for the figures.", "en-US")).toContain(
      "Olive Garnier",
    );
  });

  it("leaves an article, an institution or a word that is no given name after the thank-you alone", () => {
    expect(people("Merci à la CAF pour le versement rapide.", "fr-FR")).toEqual([]);
    expect(people("Danke an das Team für die schnelle Antwort.", "de-DE")).toEqual([]);
    expect(people("The surgery went well, thanks to the NHS.", "en-US")).toEqual([]);
    expect(people("I found the address thanks to Google.", "en-US")).toEqual([]);
    expect(people("I sent a rose to Mum and a card to the school.", "en-US")).toEqual([]);
  });

  it("does not take the thank-you word itself for a name in a short French line read with the English rules", () => {
    expect(people("Merci à Rose de la part de Claire.", "en-US")).toEqual(["Rose", "Claire"]);
    expect(people("Bisous à Olive !", "en-US")).toEqual(["Olive"]);
  });
});
