import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, registerContext, sanitize } from "../../../../app/privacy";
import { numberedForUser, tiedToUser } from "../../../../app/privacy/names/userTies";

const typed = (text: string, locale: string) =>
  detect(text, new PrivacyVault("t"), { locale }).map((d) => [d.type, d.text]);

describe("acronyms in a German or French text written in the user's own language (issue 11, retention)", () => {
  it("keep public bodies, programmes and laws no list holds readable", () => {
    // Invented-looking but typical: a benefits office, a training account, a law, a health insurer.
    expect(typed("La CPAM a refusé le remboursement, je voudrais contester.", "fr-FR")).toEqual([]);
    expect(typed("Selon la loi ALUR, le dépôt de garantie doit être rendu sous un mois.", "fr-FR")).toEqual([]);
    expect(typed("Ich möchte die Vorsorgeuntersuchung der ÖGK im März machen.", "de-AT")).toEqual([]);
  });

  it("still mask the user's own employer, insurer or bank when the text ties it to them", () => {
    expect(typed("Je suis salariée chez MGEN depuis 2015.", "fr-FR")).toContainEqual(["ORG", "MGEN"]);
    expect(typed("Assurée MAIF depuis 2012, je déclare un dégât des eaux.", "fr-FR")).toContainEqual(["ORG", "MAIF"]);
    expect(typed("Mon assureur, la MAIF, ne répond pas.", "fr-FR")).toContainEqual(["ORG", "MAIF"]);
    expect(typed("Ich bin versichert bei der BKK und brauche eine Bescheinigung.", "de-DE")).toContainEqual([
      "ORG",
      "BKK",
    ]);
    expect(typed("Arbeitgeber: KWS AG", "de-DE")).toContainEqual(["ORG", "KWS AG"]);
    expect(typed("Contrat MAIF n° 4455667 pour la maison.", "fr-FR")).toContainEqual(["ORG", "MAIF"]);
  });

  it("keep the English rule in English text: an acronym mentioned in passing is an organisation", () => {
    expect(typed("I was at the KSWB office on Sunday.", "en-GB")).toContainEqual(["ORG", "KSWB"]);
  });

  it("keep the English rule for a paragraph in French or German when the user's locale is English", () => {
    // The paragraph's language guess is less sure than the conversation's own language.
    expect(typed("Je suis passé au bureau KSWB lundi matin.", "en-US")).toContainEqual(["ORG", "KSWB"]);
  });

  it("mask the insurer everywhere once the profile ties it to the user, the request included", () => {
    const vault = new PrivacyVault("t");
    registerContext(vault, "Claire Martin, 4 rue des Lilas, 44000 Nantes. Assureur : MAIF.", { locale: "fr-FR" });
    const out = sanitize("Écris à la MAIF pour le sinistre du 3 mars.", vault, { locale: "fr-FR" }).text;
    expect(out).not.toContain("MAIF");
  });
});

describe("ties to the user beyond 'I work at'", () => {
  it("reads a profile's relation label, a German or French 'my …' with a comma, and member participles", () => {
    const tied = (s: string) => tiedToUser(s.replace("@", ""), s.indexOf("@"));
    expect(tied("Name: Anna Weber | Employer: @Boeing")).toBe(true);
    expect(tied("Mutuelle : @MGEN")).toBe(true);
    expect(tied("Meine Krankenkasse, die @AOK")).toBe(true);
    expect(tied("Je suis assurée à la @MAIF")).toBe(true);
    expect(tied("Kunde bei der @Sparkasse seit 2001")).toBe(true);
    // A public body the user merely writes to is not theirs.
    expect(tied("Je joins l'attestation de la @CAF")).toBe(false);
    expect(tied("Note: la @CPAM a écrit")).toBe(false);
  });

  it("reads a customer, member or contract number after a name as the user's account there", () => {
    expect(numberedForUser("MAIF n° 1234567", 4)).toBe(true);
    expect(numberedForUser("AOK Versichertennummer A123456789", 3)).toBe(true);
    expect(numberedForUser("CPAM rembourse 70 %", 4)).toBe(false);
  });
});
