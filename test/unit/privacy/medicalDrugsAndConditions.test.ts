import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../app/privacy";
import { healthNouns } from "../../../app/privacy/recognizers/healthNouns";
import { innKey } from "../../../app/privacy/recognizers/innSpelling";

const medical = (text: string, locale = "en-US") =>
  detect(text, new PrivacyVault("t"), { locale, nlp: false })
    .filter((d) => d.type === "MEDICAL")
    .map((d) => d.text);

// Invented sentences: each class with hits and near misses.
describe("drug names in English, German and French spellings", () => {
  it("finds a drug WordNet files as a medicine in German and French text, without a cue", () => {
    expect(medical("Der Arzt hat mir im Februar Methotrexat gegen das Rheuma verordnet.", "de-DE")).toEqual([
      "Methotrexat",
    ]);
    expect(medical("Ma tante a arrêté l'allopurinol, elle garde le méthotrexate.", "fr-FR")).toEqual([
      "allopurinol",
      "méthotrexate",
    ]);
    expect(medical("Warfarin und Ibuprofen vertragen sich nicht.", "de-DE")).toEqual(["Warfarin", "Ibuprofen"]);
  });

  it("reads the INN spelling and the US spelling as one name", () => {
    expect(innKey("aciclovir")).toBe(innKey("acyclovir"));
    expect(innKey("methotrexat")).toBe(innKey("methotrexate"));
    expect(innKey("corticoides")).toBe(innKey("corticoid"));
    expect(innKey("kortison")).toBe(innKey("cortisone"));
    expect(medical("The aciclovir cream is in the bathroom cabinet.")).toEqual(["aciclovir"]);
  });

  it("takes a one-letter prefix joined by a hyphen with the drug", () => {
    expect(medical("Das L-Thyroxin liegt im Bad.", "de-DE")).toEqual(["L-Thyroxin"]);
  });

  it("counts everyday hormone names only after a drug cue: a biology question about cortisone is not the user's health", () => {
    expect(medical("Explain how the adrenal glands make cortisone and testosterone.")).toEqual([]);
    expect(medical("He takes testosterone gel since the surgery.").join(" ")).toContain("testosterone");
    expect(medical("My mother takes thyroxine every morning.").join(" ")).toContain("thyroxine");
    expect(medical("Il prend de la cortisone depuis mars.", "fr-FR").join(" ")).toContain("cortisone");
  });

  it("keeps everyday words that only look like drug names after the INN spelling rules", () => {
    expect(medical("The pharmacy opens at nine; the kitchen, the theatre and the physics lab close at six.")).toEqual(
      [],
    );
    expect(medical("Die Apotheke hat montags geschlossen, die Physik-Klausur ist am Dienstag.", "de-DE")).toEqual([]);
  });
});

describe("everyday-word conditions after a medical cue, in English text", () => {
  it("finds the condition after a possession verb or an absence phrase", () => {
    expect(medical("My husband has gout and can't drive this week.")).toEqual(["gout"]);
    expect(medical("I've been off with shingles since Monday.")).toEqual(["shingles"]);
    expect(medical("Our son got hives after the picnic.")).toEqual(["hives"]);
  });

  it("keeps the same words where they are roofs, bees and taste", () => {
    expect(medical("The roofer replaced the shingles on the garage.")).toEqual([]);
    expect(medical("The beekeeper has three hives behind the barn.")).toEqual([]);
    expect(medical("J'aime le goût de ce vin, il a du goût.", "fr-FR")).toEqual([]);
    expect(medical("Der Dachdecker hat die Schindeln erneuert.", "de-DE")).toEqual([]);
  });

  it("builds the condition list from WordNet's sense data, not from everyday words", () => {
    const { conditions, drugs } = healthNouns();
    expect(conditions.has("shingles") && conditions.has("gout")).toBe(true);
    expect(conditions.has("cold") || conditions.has("stress")).toBe(false);
    expect(drugs.has(innKey("methotrexate"))).toBe(true);
    expect(drugs.has(innKey("medicine")) || drugs.has(innKey("tablet"))).toBe(false);
  });
});

describe("German inflammations and eponym compounds", () => {
  it("finds an -itis word the English dictionary lacks, with the eponym joined to it", () => {
    expect(medical("Seit Jahren habe ich eine Hashimoto-Thyreoiditis.", "de-DE")).toEqual(["Hashimoto-Thyreoiditis"]);
  });

  it("keeps short or ordinary words that end in -itis", () => {
    expect(medical("Er liest Titus und schreibt über Mitis.", "de-DE")).toEqual([]);
  });
});

describe("lab values without a unit after a named test", () => {
  it("finds the test and its value in German, French and English", () => {
    expect(medical("Mein TSH-Wert lag zuletzt bei 6,8 im Befund.", "de-DE")).toEqual(["TSH-Wert lag zuletzt bei 6,8"]);
    expect(medical("Le taux de PSA était de 4,2 en mars.", "fr-FR")).toEqual(["PSA était de 4,2"]);
    expect(medical("His CRP level was 12 on Friday.")).toEqual(["CRP level was 12"]);
  });

  it("keeps codes, versions and phone lines that look like a test and a number", () => {
    expect(medical("Our VAT 19 rate, the NHS 111 line, iOS 17.2 and GPT 4.5 are in the memo.")).toEqual([]);
  });
});

describe("the medical dictionary's words that everyday English does not use", () => {
  it("finds a drug name the general English word list also holds, once it is rare in subtitles and Wikipedia", () => {
    expect(medical("My dad is on donepezil now.").join(" ")).toContain("donepezil");
    expect(medical("Mon père prend du donépézil depuis deux ans.", "fr-FR").join(" ")).toContain("donépézil");
  });

  it("keeps dictionary words that are frequent in everyday English", () => {
    expect(medical("The expiring lease, the obsolescence of the boiler and a heritable title were discussed.")).toEqual(
      [],
    );
  });
});
