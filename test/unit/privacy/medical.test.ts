import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../app/privacy";
import { medicalTerms } from "../../../app/privacy/recognizers/medicalTerms";

const medical = (text: string, locale = "en-US") =>
  detect(text, new PrivacyVault("t"), { locale, nlp: false })
    .filter((d) => d.type === "MEDICAL")
    .map((d) => d.text);

describe("medical conditions, medications, procedures and results", () => {
  it("takes the phrase after a diagnosis cue, in English, German and French", () => {
    expect(medical("I was diagnosed with generalized anxiety disorder last year.")).toEqual([
      "generalized anxiety disorder",
    ]);
    expect(medical("She suffers from chronic migraine and asthma.")).toEqual(["chronic migraine and asthma"]);
    expect(medical("Ich leide an mittelgradiger Depression seit März.", "de-DE")).toEqual([
      "mittelgradiger Depression",
    ]);
    expect(medical("Il est atteint de la maladie de Crohn.", "fr-FR")).toEqual(["maladie de Crohn"]);
  });

  it("finds rare medical words, drug names by their INN stem and conditions by their suffix", () => {
    expect(medical("Since the cholecystectomy I take sertraline, pantoprazole and atorvastatin.")).toEqual(
      expect.arrayContaining(["cholecystectomy", "sertraline", "pantoprazole", "atorvastatin"]),
    );
    expect(medical("Ich habe Arthritis und nehme Metformin.", "de-DE")).toEqual(["Arthritis", "Metformin"]);
  });

  it("finds doses and results written in micrograms with the micro sign, which the text's normalization turns into a Greek mu", () => {
    expect(medical("Levothyroxine 75 µg every morning; vitamin B12 310 µg/l.")).toEqual([
      "Levothyroxine 75 µg",
      "B12 310 µg/l",
    ]);
  });

  it("finds doses with their drug, German disease compounds, allergies and test results", () => {
    expect(
      medical("Sertraline 50 mg daily; Brustkrebs; peanut allergy; HbA1c 7.2%, blood pressure 150/95, LDL 160 mg/dl."),
    ).toEqual([
      "Sertraline 50 mg",
      "Brustkrebs",
      "peanut allergy",
      "HbA1c 7.2%",
      "blood pressure 150/95",
      "LDL 160 mg/dl",
    ]);
  });

  it("keeps ordinary words that the medical dictionary also lists, and non-medical percentages", () => {
    expect(
      medical(
        "A blood test on Monday; fast before it; keep the glucose diary; taking a walk and the bus; CPU at 95%; Siemens, Hannah.",
      ),
    ).toEqual([]);
    expect(medical("Le chauffage est en panne, la porte aussi.", "fr-FR")).toEqual([]);
  });

  it("loads its vocabulary from @cspell/dict-medicalterms and keeps ordinary English out of the standalone set", () => {
    const terms = medicalTerms();
    expect(terms.all.size).toBeGreaterThan(50_000);
    expect(terms.all.has("blood") && !terms.technical.has("blood")).toBe(true);
    expect(terms.technical.has("sertraline")).toBe(true);
  });
});
