import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../app/privacy";
import { frenchConditions } from "../../../app/privacy/recognizers/frenchConditions";

const medical = (text: string, locale = "fr-FR") =>
  detect(text, new PrivacyVault("t"), { locale, nlp: false })
    .filter((d) => d.type === "MEDICAL")
    .map((d) => d.text);

describe("French conditions by their CIM-10 names", () => {
  it("takes a condition named by one CIM-10 title word, without a cue", () => {
    expect(medical("Ma fille a la rougeole et son frère la coqueluche, ils ne viendront pas lundi.")).toEqual([
      "rougeole",
      "coqueluche",
    ]);
  });

  it("takes a head of many titles with the rarer title words after it", () => {
    expect(medical("Je souffre d'un syndrome du canal carpien depuis mars.")).toContain("syndrome du canal carpien");
    expect(medical("Après une fracture du poignet, je reprends le travail.")).toEqual(["fracture du poignet"]);
    expect(medical("Mon père a fait un arrêt cardiaque le mois dernier.")).toEqual(["arrêt cardiaque"]);
    expect(medical("Il a une hernie discale et une entorse de la cheville.")).toEqual([
      "hernie discale",
      "entorse de la cheville",
    ]);
  });

  it("keeps administrative phrases built on the same heads and everyday words readable", () => {
    expect(
      medical(
        "Mon arrêt de travail est prolongé. La Caisse d'Assurance Maladie a écrit. L'état des lieux et le dépôt de garantie sont prévus mardi.",
      ),
    ).toEqual([]);
  });

  it("reads French text only: the same words in an English or German paragraph are left to those rules", () => {
    expect(medical("The rougeole file and the coqueluche folder are on the desk.", "en-US")).toEqual([]);
    expect(medical("Die Datei rougeole liegt auf dem Tisch, bitte nicht löschen.", "de-DE")).toEqual([]);
  });

  it("builds its vocabulary from the CIM-10 titles of the icd10 package, without chapters V–Z", () => {
    const { names, heads, words } = frenchConditions();
    expect(names.has("rougeole") && names.has("coxarthrose")).toBe(true);
    expect(heads.has("syndrome") && heads.has("fracture")).toBe(true);
    expect(heads.has("autres")).toBe(false); // "Autres …" begins many titles, but is an everyday word
    expect(words.has("pieton")).toBe(false); // V01: "Piéton blessé dans une collision…" is an external cause
  });
});

describe("German compounds whose last part is a medical word", () => {
  it("takes the compound when its head is a cognate or a dictionary condition", () => {
    expect(medical("Meine Kniearthrose ist schlimmer, und die Beinvenenthrombose vom März auch.", "de-DE")).toEqual([
      "Kniearthrose",
      "Beinvenenthrombose",
    ]);
  });

  it("leaves long everyday compounds alone", () => {
    expect(
      medical("Die Nebenkostenabrechnung, die Heizungsinstallation und die Kündigungsbestätigung sind da.", "de-DE"),
    ).toEqual([]);
  });
});
