import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../../app/privacy";
import { frenchRoleNouns } from "../../../../app/privacy/names/frenchRoleNouns";

const typed = (text: string) => detect(text, new PrivacyVault("t"), { locale: "fr-FR" }).map((d) => [d.type, d.text]);

describe("French public office titles: a role noun with its remit is an office (issue 11, retention)", () => {
  it("takes role nouns from the French dictionary's gender-inflected stems, not things", () => {
    for (const role of ["defenseur", "mediateur", "procureur", "prefet"])
      expect(frenchRoleNouns().has(role), role).toBe(true);
    for (const thing of ["fleur", "pierre", "rose"]) expect(frenchRoleNouns().has(thing), thing).toBe(false);
  });

  it("keeps the Défenseur des droits and the Médiateur de l'énergie readable, and replaces the place of a Procureur", () => {
    expect(typed("J'ai saisi le Défenseur des droits.")).toEqual([]);
    expect(typed("Écris au Médiateur de l'énergie.")).toEqual([]);
    expect(typed("J'ai écrit au Procureur de la République de Nantes.")).toEqual([["LOCATION", "Nantes"]]);
  });

  it("still replaces a surname that is a role noun, a person after a title, and the office the user works for", () => {
    expect(typed("Appelle Mme Berger de la mairie.")).toEqual([["PERSON", "Berger"]]);
    expect(typed("Écris à Marc Mercier de la banque.")).toEqual([["PERSON", "Marc Mercier"]]);
    expect(typed("Je travaille chez le Médiateur de l'énergie.")).toEqual([["ORG", "Médiateur"]]);
  });

  it("reads an adjective between title and remit, and a title in the feminine, as the same office", () => {
    expect(typed("J'ai écrit au Médiateur national de l'énergie au sujet de ma facture.")).toEqual([]);
    expect(typed("J'ai saisi la Défenseure des droits pour mon dossier.")).toEqual([]);
    expect(typed("J'ai écrit au Contrôleur général des lieux de privation de liberté.")).toEqual([]);
    expect(typed("La Médiatrice nationale de l'énergie m'a répondu hier.")).toEqual([]);
  });

  it("does not read a function word between a capitalized role noun and 'de' as an adjective of an office", () => {
    expect(typed("Mon voisin, le Boucher qui est de Lyon, a appelé.")).toContainEqual(["PERSON", "Boucher"]);
  });
});
