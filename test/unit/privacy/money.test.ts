import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, sanitize, type PrivateType } from "../../../app/privacy";
import { currencyTerms } from "../../../app/privacy/recognizers/currencyTerms";

function found(text: string, locale = "en-US"): Array<[PrivateType, string]> {
  return detect(text, new PrivacyVault("t"), { locale, nlp: false }).map((d) => [d.type, d.text]);
}
const amounts = (text: string, locale?: string) =>
  found(text, locale)
    .filter(([t]) => t === "MONEY")
    .map(([, v]) => v);

describe("money amounts", () => {
  it("finds amounts with a currency symbol or ISO code before or after the number", () => {
    expect(
      amounts("Rent went from £850 to £920; two charges of $49.99; EUR 500, 500 EUR, 500€ and CHF 1'200."),
    ).toEqual(["£850", "£920", "$49.99", "EUR 500", "500 EUR", "500€", "CHF 1'200"]);
  });

  it("reads English, German, French and Swiss number formats, including no-break spaces", () => {
    expect(amounts("It was $1,234.56 in total.")).toEqual(["$1,234.56"]);
    expect(amounts("Die Miete beträgt 2.500 Euro, davon 1.234,56 € Nebenkosten.", "de-DE")).toEqual([
      "2.500 Euro",
      "1.234,56 €",
    ]);
    expect(amounts("Il a payé 1\u202f234,56\u00a0€ et 300 euros.", "fr-FR")).toEqual([
      "1\u202f234,56\u00a0€",
      "300 euros",
    ]);
    expect(amounts("Lohn: CHF 6’500.– pro Monat", "de-CH")).toEqual(["CHF 6’500.–"]);
  });

  it("finds currency names in en/de/fr, magnitudes and ranges", () => {
    expect(amounts("I owe him 300 dollars, 50 Schweizer Franken and 20 francs suisses.")).toEqual([
      "300 dollars",
      "50 Schweizer Franken",
      "20 francs suisses",
    ]);
    expect(amounts("A salary of $85k, a €2.5 million loan, and €800–1,000 a month.")).toEqual([
      "$85k",
      "€2.5 million",
      "€800–1,000",
    ]);
  });

  it("finds amounts spelled out in words before a currency name", () => {
    expect(amounts("I paid fifty dollars and a hundred euros.")).toEqual(["fifty dollars", "a hundred euros"]);
    expect(amounts("Ich schulde ihm zweihundert Euro.", "de-DE")).toEqual(["zweihundert Euro"]);
    expect(amounts("Il me doit cinquante euros et deux cents dollars.", "fr-FR")).toEqual([
      "cinquante euros",
      "deux cents dollars",
    ]);
    expect(amounts("The euro area grew while the dollar fell.")).toEqual([]);
  });

  it("does not take counts, grades, books, weights, postcodes or versions for amounts", () => {
    expect(
      amounts(
        "Version 2.4.1, 90 marks in the exam, 3 livres de poche, I lost 10 pounds, Cardiff CF10 1AA, Romford RM1 3AB, 20 mg, 2023.",
      ),
    ).toEqual([]);
  });

  it("takes its currencies from the ICU data, not from a typed list", () => {
    const terms = currencyTerms();
    expect(terms.codes).toEqual(Intl.supportedValuesOf("currency"));
    expect(terms.symbols).toEqual(expect.arrayContaining(["€", "$", "£", "¥", "₹", "US$"]));
    expect(terms.words).toEqual(
      expect.arrayContaining(["euros", "euro", "dollars", "francs", "schweizer franken", "livres sterling"]),
    );
  });

  it("replaces an amount by a MONEY placeholder and keeps the words around it", () => {
    const out = sanitize("Please ask for a refund of $49.99 for the duplicate charge.", new PrivacyVault("t"), {
      nlp: false,
    });
    expect(out.text).toBe("Please ask for a refund of [MONEY_1] for the duplicate charge.");
  });
});
