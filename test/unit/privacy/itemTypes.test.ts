import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, registerContext, type PrivateType } from "../../../app/privacy";

/** Issue #11, item 2: phrasings of ages, amounts and ids the held-out scenarios showed, with near misses. */
const found = (text: string, type: PrivateType, locale = "en-US") =>
  detect(text, new PrivacyVault("t"), { locale, nlp: false })
    .filter((d) => d.type === type)
    .map((d) => d.text);

describe("ages in more phrasings", () => {
  it("finds an age after a strong cue in mid-sentence, and ages written in words (en/de/fr)", () => {
    expect(found("I just turned 47 last week and retired at the age of 61 years later.", "AGE")).toEqual(["47", "61"]);
    expect(found("My daughter is nine years old; he turned sixty-two in May.", "AGE")).toEqual([
      "nine years old",
      "sixty-two",
    ]);
    expect(found("Sie ist zweiundvierzig Jahre alt.", "AGE", "de-DE")).toEqual(["zweiundvierzig Jahre alt"]);
    expect(found("Ma fille de neuf ans et il a quarante ans.", "AGE", "fr-FR")).toEqual(["neuf ans", "quarante ans"]);
  });

  it("leaves turns, measures and durations in words alone", () => {
    expect(found("The road turned 90 degrees, he turned 3 pages; cheese aged 12 months.", "AGE")).toEqual([]);
    expect(found("Dix ans de mariage, depuis dix ans, il y a dix ans.", "AGE", "fr-FR")).toEqual([]);
  });
});

describe("amounts without a currency sign", () => {
  it("finds an amount followed by a pay period, gross/net or slang", () => {
    expect(found("I earn 3k a month, rent is 1200 a month and it cost 49 bucks.", "MONEY")).toEqual([
      "3k",
      "1200",
      "49",
    ]);
    expect(found("Ein Gehalt von 4.200 brutto, 1.350 im Monat.", "MONEY", "de-DE")).toEqual(["4.200", "1.350"]);
    expect(found("Je gagne 2 300 par mois.", "MONEY", "fr-FR")).toEqual(["2 300"]);
  });

  it("leaves counts per period alone: 3 times a month, 2 a day, 40 a week", () => {
    expect(
      found("I go 3 times a month, take 2 a day, work 40 a week, 24 hours a day; the 100 grand prix.", "MONEY"),
    ).toEqual([]);
  });
});

describe("ids right after the thing's name", () => {
  it("finds a long number after ticket, claim, Rechnung, dossier", () => {
    expect(found("ticket 884213, claim CL-77812", "ID")).toEqual(["884213", "CL-77812"]);
    expect(found("Rechnung 2024117 ist offen.", "ID", "de-DE")).toEqual(["2024117"]);
  });

  it("leaves short numbers after those words alone", () => {
    expect(found("In case 2 of 3, order 12 items; the policy 2024 changes.", "ID")).toEqual([]);
  });

  it("registers the digits of an id found with its issuer's letters, so they are caught alone", () => {
    const vault = new PrivacyVault("t");
    registerContext(vault, "Numéro allocataire CAF 2741985.", { locale: "fr-FR" });
    expect(detect("Mon numéro est 2741985.", vault, { locale: "fr-FR" }).map((d) => d.text)).toEqual(["2741985"]);
  });
});

describe("addresses", () => {
  it("finds a postcode after a country name ending a line, after a ZIP cue, a P.O. box and a second house number", () => {
    expect(found("Gregory Kudryashov\n233 Erzsébet tér 19.\nHungary 34796\nmy zip code is 35350.", "ADDRESS")).toEqual([
      "34796",
      "35350",
    ]);
    expect(found("The station is on P.O. Box 104; she lives at 935 69 Gordon Terrace with us.", "ADDRESS")).toEqual([
      "P.O. Box 104",
      "935 69 Gordon Terrace",
    ]);
  });

  it("keeps the postcode that ends an address block, on its own line or after the town", () => {
    expect(
      found("Billing address: Tom Reed\n  12 Baker Street Apt. 4\n  Leeds\n  West Yorkshire\n  4471", "ADDRESS"),
    ).toEqual(["12 Baker Street Apt. 4\n  Leeds\n  West Yorkshire\n  4471"]);
    expect(found("Ship to: Apt. 5 88 Hauptweg 3\nOslo NO 0150", "ADDRESS")).toEqual([
      "Apt. 5 88 Hauptweg 3\nOslo NO 0150",
    ]);
    // A sentence or a label after the address is not part of it, nor a year.
    expect(found("742 Evergreen Terrace\nSpringfield\nTotal due: 1200", "ADDRESS")).toEqual(["742 Evergreen Terrace"]);
    expect(found("742 Evergreen Terrace\nMoved there in 2019", "ADDRESS")).toEqual(["742 Evergreen Terrace"]);
  });

  it("keeps the postcode written after the town the text names, but not a year, a room or a round", () => {
    expect(found("Our new office in Parramatta NSW 2150 opens in June.", "ADDRESS")).toEqual(["2150"]);
    expect(found("I rent a flat in Vila Nova de Gaia 4400-123 near the river.", "ADDRESS")).toEqual(["4400-123"]);
    expect(found("We moved in Leipzig 2019; he won in Round 1234 and slept in Room 1021.", "ADDRESS")).toEqual([]);
  });

  it("keeps the company line of a signature block private: the line right above the street", () => {
    const block = "Kind regards,\nPriya Raman\nBrightfold Analytics\n14 Orchard Road\nLeeds LS6 2AB";
    expect(found(block, "ORG")).toEqual(["Brightfold Analytics"]);
    // A label or a sentence above an address is not a name.
    expect(found("Delivery address:\n14 Orchard Road\nLeeds LS6 2AB", "ORG")).toEqual([]);
    expect(found("Please send it here, thanks.\n14 Orchard Road\nLeeds LS6 2AB", "ORG")).toEqual([]);
  });

  it("takes a building number right before a street into the address", () => {
    expect(
      found("Drop me at 9383 ul. Chrzanowska 61; she lives at 846 31 Rue Al Imam Al Bakri, Tunis", "ADDRESS"),
    ).toEqual(["9383 ul. Chrzanowska 61", "846 31 Rue Al Imam Al Bakri"]);
    expect(found("I paid 200 for it. We had 3 10115 Berlin", "ADDRESS")).toEqual([]);
  });

  it("leaves years after a country and numbers on two lines alone", () => {
    expect(found("I visited Japan 2019\nIn 1990 the UK and Spain 3 points.", "ADDRESS")).toEqual([]);
  });

  it("finds a German street without a street word before a postcode, and stops at a sentence end", () => {
    expect(
      found(
        "Andreas Koch, Am Rosenhang 7, 35390 Gießen. Steuerliche Identifikationsnummer 86 095 742 719.",
        "ADDRESS",
        "de-DE",
      ),
    ).toEqual(["Am Rosenhang 7, 35390 Gießen"]);
  });
});

describe("organisations after a cue that makes them the user's", () => {
  it("finds an employer, bank or insurer without a legal suffix in en/de/fr", () => {
    expect(found("I work for my employer Brightwater and I bank with Norvik.", "ORG")).toEqual([
      "Brightwater",
      "Norvik",
    ]);
    expect(found("Ich arbeite bei Lindqvist Logistik und bin versichert bei Hallwyl.", "ORG", "de-DE")).toEqual([
      "Lindqvist Logistik",
      "Hallwyl",
    ]);
    expect(found("Je travaille chez Dupuis Transports; mon assureur Calvera refuse.", "ORG", "fr-FR")).toEqual([
      "Dupuis Transports",
      "Calvera",
    ]);
  });

  it("leaves everyday words after the same cues alone", () => {
    expect(found("I work for Peace and my bank is closed.", "ORG")).toEqual([]);
    expect(found("Ich arbeite bei der Post und für Menschen.", "ORG", "de-DE")).toEqual([]);
    expect(found("Je dîne chez moi.", "ORG", "fr-FR")).toEqual([]);
  });
});

describe("phone numbers written internationally", () => {
  it("takes a possible number after + as a phone even in an unassigned range, and a desk or office cue", () => {
    expect(found("Desk: +447700 921 916, fax +447700 208 815.", "PHONE")).toEqual([
      "+447700 921 916",
      "+447700 208 815",
    ]);
  });

  it("does not take 00-prefixed digit groups of a wrong IBAN, or percentages, for phones", () => {
    expect(found("DE89 3704 0044 0532 0130 01 and growth of +12.5% to 3,400,000", "PHONE")).toEqual([]);
  });
});

describe("German and French medical words through their English cognate", () => {
  it("finds conditions and drugs with a national ending, in any case", () => {
    expect(
      found(
        "Ich nehme Levothyroxin wegen einer Hypothyreose; Arthrose im Knie, Verdacht auf Melanom.",
        "MEDICAL",
        "de-DE",
      ),
    ).toEqual(["Levothyroxin", "Hypothyreose", "Arthrose", "Melanom"]);
    expect(found("Ma polyarthrite et une bronchite; elle prend de la metformine.", "MEDICAL", "fr-FR")).toEqual([
      "polyarthrite",
      "bronchite",
      "metformine",
    ]);
    expect(found("Seine Schizophrenie und Epilepsie.", "MEDICAL", "de-DE")).toEqual(["Schizophrenie", "Epilepsie"]);
  });

  it("takes what follows a hospital or surgery cue, and a drug after an everyday verb", () => {
    expect(found("I was hospitalized for pneumonia and I'm on sertraline.", "MEDICAL")).toEqual([
      "pneumonia",
      "sertraline",
    ]);
    expect(found("Er nimmt Ibuprofen.", "MEDICAL", "de-DE")).toEqual(["Ibuprofen"]);
  });

  it("leaves take/on/took before anything but a drug alone", () => {
    expect(
      found("Please take the PDF to the IT desk; I'm on the NHS app; took BBC news; I take the bus.", "MEDICAL"),
    ).toEqual([]);
  });

  it("finds German compounds with a disease head and hyphenated operations, not disruptions or weaknesses", () => {
    expect(
      found("Ich habe Schuppenflechte, Herzleiden und ein Magengeschwür; nach meiner Knie-OP.", "MEDICAL", "de-DE"),
    ).toEqual(["Schuppenflechte", "Herzleiden", "Magengeschwür", "Knie-OP"]);
    expect(
      found("Verkehrsstörung auf der A1, Leistungsschwäche der Firma, Sammelleidenschaft.", "MEDICAL", "de-DE"),
    ).toEqual([]);
  });

  it("leaves ordinary words with the same endings alone (Familie, Batterie, Strategie, Routine, Medizin, Tourismus)", () => {
    expect(
      found("Die Familie kauft eine Batterie; Strategie, Routine, Medizin und Tourismus.", "MEDICAL", "de-DE"),
    ).toEqual([]);
    expect(found("Une stratégie, une routine, la catégorie, le favorite website.", "MEDICAL", "fr-FR")).toEqual([]);
  });
});
