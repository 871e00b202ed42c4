import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../app/privacy";
import { calendarWords } from "../../../app/privacy/names/calendarWords";
import { tiedToUser } from "../../../app/privacy/names/userTies";

const texts = (text: string, locale = "en-US") => detect(text, new PrivacyVault("t"), { locale }).map((d) => d.text);
const typed = (text: string, locale = "en-US") =>
  detect(text, new PrivacyVault("t"), { locale }).map((d) => [d.type, d.text]);

describe("proper nouns by wink-nlp's tagger (issue 11)", () => {
  it("finds a lone name that is a dictionary word or rare word when the tagger reads it as a proper noun", () => {
    expect(texts("She won't lose her daughter. She won't lose Rindy. There is only one way.")).toEqual(["Rindy"]);
    expect(texts("Lily was finally five months old, and Max barely noticed.")).toEqual(["Lily", "Max"]);
    expect(texts("Our neighbour Drake fixed the fence.")).toEqual(["Drake"]);
  });

  it("does not take a capitalized everyday word at the start of a line or sentence for a name", () => {
    expect(texts("Subject: Water damage claim for my flat")).toEqual([]);
    expect(texts("Tenancy agreement for the flat.")).toEqual([]);
    expect(texts("Security alert: a new sign-in.")).toEqual([]);
  });

  it("keeps weekdays, months, holidays, acronyms and descriptive agency names public", () => {
    expect(texts("The Social Security Administration sent a letter on Monday.")).toEqual([]);
    expect(texts("We celebrate Thanksgiving in November with the family.")).toEqual([]);
    expect(texts("Please send it to the IRS before April, P.S. thanks.")).toEqual([]);
  });

  it("makes a public name the user's when the text ties it to them", () => {
    expect(typed("I work at the Social Security Administration since May.")).toEqual([
      ["ORG", "Social Security Administration"],
    ]);
    // …but a weekday stays a weekday, and the tie ends with its clause.
    expect(typed("My employer, Burger King, pays on Friday.")).toEqual([["ORG", "Burger King"]]);
  });

  it("reads a contraction after a greeting or a placeholder as the ordinary word it is, not a name", () => {
    expect(texts("Hi [PERSON_1], I'm writing about the flat.")).toEqual([]);
    expect(texts("Hello, You're right about the rent.")).toEqual([]);
    // A possessive is no contraction: the name stays a name.
    expect(texts("Hello, Rindy's rent is due.")).toEqual(["Rindy"]);
  });

  it("does not take a lowercase given name for a person where the tagger reads it as a verb", () => {
    expect(texts("Tell the club that member 4821 has to skip training.")).toEqual([]);
    // Near miss: the same word where a name stands stays a name.
    expect(texts("my friend skip is coming over")).toEqual(["skip"]);
  });

  it("reads a listed company name that is also a dictionary word as the word where the tagger does", () => {
    expect(texts("I need a visa for the trip.")).toEqual([]);
    // Near miss: a listed company that is no dictionary word stays an organisation in lowercase.
    expect(typed("i used to work at samsung before")).toEqual([["ORG", "samsung"]]);
  });

  it("types a proper noun with digits as an id, not a person, so Auto's identity rule sees a passport number", () => {
    expect(typed("My passport number is C01X00T47, please fill in the form.")).toEqual([["ID", "C01X00T47"]]);
    // The same position with a name stays a name.
    expect(texts("My neighbour is Rindy, please fill in the form.")).toEqual(["Rindy"]);
  });

  it("leaves a short code of a paper size, vitamin, product, form or version public: an id is longer", () => {
    expect(typed("My son is in Year 4 and needs A4 folders.")).toEqual([]);
    expect(typed("Should I take vitamin B12 or D3 in winter?")).toEqual([]);
    expect(typed("I bought a PS5 for the living room.")).toEqual([]);
    expect(typed("Which tax form do I need, the W-2 or the 1099?")).toEqual([]);
    expect(typed("I use v2.1.0 of the package.")).toEqual([]);
    // Three letters or three digits is no longer short: a code like that may be the user's.
    expect(typed("Please ask Kx447 about it.")).toEqual([["ID", "Kx447"]]);
    expect(typed("My passport number is C01X00T47, please fill in the form.")).toEqual([["ID", "C01X00T47"]]);
  });

  it("finds a lowercase name no dictionary knows after a word that introduces one, but not an everyday word", () => {
    expect(typed("The story of the russian company rostelecom is long.")).toEqual([["ORG", "rostelecom"]]);
    expect(texts("I bought a car from 'copart' last week.")).toEqual(["copart"]);
    expect(texts("Please answer from memory, not from notes, at once.")).toEqual([]);
  });

  it("leaves a text in another language read with the English fallback alone at its sentence starts", () => {
    const found = texts("Ciao, vorrei prenotare una camera doppia. Abbiamo bisogno di aiuto. Grazie mille.");
    expect(found.filter((t) => /^(?:Ciao|Abbiamo|Grazie)$/.test(t))).toEqual([]);
  });

  it("knows country names in German and French as places, as it knows English ones", () => {
    expect(typed("Nous gérons des contrats en Allemagne et en Espagne.", "fr-FR")).toEqual([
      ["LOCATION", "Allemagne"],
      ["LOCATION", "Espagne"],
    ]);
    expect(typed("Wir haben Kunden in Österreich.", "de-DE")).toEqual([["LOCATION", "Österreich"]]);
  });
});

describe("tiedToUser", () => {
  const tied = (before: string) => tiedToUser(`${before}X`, before.length);

  it("ties a name to the user after first-person work, home, birth and bank cues in en/de/fr", () => {
    expect(tied("I work at ")).toBe(true);
    expect(tied("my employer, ")).toBe(true);
    expect(tied("we moved to ")).toBe(true);
    expect(tied("I was born in ")).toBe(true);
    expect(tied("Ich arbeite seit 2019 bei ")).toBe(true);
    expect(tied("mein Arbeitgeber ")).toBe(true);
    expect(tied("je travaille chez ")).toBe(true);
    expect(tied("ma banque ")).toBe(true);
  });

  it("does not tie a name mentioned in passing, by someone else, or past the end of the clause", () => {
    expect(tied("We ate at ")).toBe(false);
    expect(tied("She works at ")).toBe(false);
    expect(tied("I bank with HSBC, not a ")).toBe(false);
    expect(tied("My employer is fine. The ")).toBe(false);
    expect(tied("my employer, Burger King, pays on ")).toBe(false);
  });
});

describe("calendarWords", () => {
  it("holds weekday and month names of en/de/fr from CLDR, folded, but not short forms that are names", () => {
    const words = calendarWords();
    for (const w of ["monday", "march", "marz", "dienstag", "avril", "aout", "dimanche"])
      expect(words.has(w)).toBe(true);
    for (const w of ["sam", "mar", "jan", "mon"]) expect(words.has(w)).toBe(false);
  });
});
