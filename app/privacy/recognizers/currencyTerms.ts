import { foldCodePoint } from "../homoglyphs";

/**
 * The currency vocabulary, built once from the ICU data that ships with Node (CLDR via `Intl`),
 * never typed in: ISO 4217 codes, their symbols and their names in en/de/fr.
 */
export interface CurrencyTerms {
  /** "EUR", "USD", … (matched in upper case only: "all 500" is not Albanian lek). */
  codes: string[];
  /** "$", "€", "£", "CHF"-less symbols like "kr", "zł" (folded: "zl"), "R$", "US$". */
  symbols: string[];
  /** "euros", "Euro", "US dollars", "francs suisses", and shared head words ("dollars", "Franken"). */
  words: string[];
}

// Regional variants add the symbols users there write ("US$", "CA$", "A$", "Rs", "$US").
const LOCALES = ["en", "en-CA", "en-IN", "de", "fr", "fr-CA"];
const NAME_LOCALES = ["en", "de", "fr"];

const fold = (s: string) => Array.from(s, (ch) => foldCodePoint(ch.codePointAt(0) ?? 0)).join("");

function currencyPart(
  locale: string,
  code: string,
  display: "symbol" | "narrowSymbol" | "name",
  amount = 1,
): string | undefined {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency: code, currencyDisplay: display });
  return format.formatToParts(amount).find((p) => p.type === "currency")?.value;
}

/**
 * Symbols made only of letters are kept when they have two or more (a lone "R", "K" or "L"
 * next to a number is far more often something else than rand, kina or lek).
 */
function symbolsOf(codes: readonly string[]): string[] {
  const symbols = new Set<string>();
  for (const code of codes) {
    for (const locale of LOCALES) {
      for (const display of ["symbol", "narrowSymbol"] as const) {
        const symbol = fold(currencyPart(locale, code, display) ?? "").trim();
        if (symbol && symbol !== code && !/^\p{L}$/u.test(symbol)) symbols.add(symbol);
      }
    }
  }
  return [...symbols];
}

/** The word a currency name is headed by: "US dollars" → dollars, "US-Dollar" → Dollar, "dollars des États-Unis" → dollars. */
function headWord(name: string, locale: string): string | undefined {
  const words = name.split(/[\s-]+/).filter((w) => /^\p{L}{3,}$/u.test(w));
  return locale === "fr" ? words[0] : words[words.length - 1];
}

/**
 * Full names in singular and plural, plus head words that head names of two or more
 * currencies in two or more of en/de/fr ("dollars", "francs", "pesos"). A head word of one
 * currency or one language is too often an ordinary word after a number: "90 marks" (the
 * convertible mark), "3 livres" (books), "10 pounds" (weight) — those need their full name
 * ("livres sterling", "British pounds") or a symbol. ISO 4217 reserves X-codes for metals,
 * funds and test codes: no names from those.
 */
function wordsOf(codes: readonly string[]): string[] {
  const words = new Set<string>();
  const heads = new Map<string, { codes: Set<string>; locales: Set<string> }>();
  for (const code of codes.filter((c) => !c.startsWith("X"))) {
    for (const locale of NAME_LOCALES) {
      for (const amount of [1, 2]) {
        const name = currencyPart(locale, code, "name", amount);
        if (!name) continue;
        words.add(fold(name).toLowerCase());
        const head = headWord(name, locale);
        if (!head) continue;
        const key = fold(head).toLowerCase();
        const entry = heads.get(key) ?? { codes: new Set<string>(), locales: new Set<string>() };
        entry.codes.add(code);
        entry.locales.add(locale);
        heads.set(key, entry);
      }
    }
  }
  for (const [head, { codes: owners, locales }] of heads) if (owners.size >= 2 && locales.size >= 2) words.add(head);
  return [...words];
}

let cached: CurrencyTerms | undefined;

export function currencyTerms(): CurrencyTerms {
  if (cached) return cached;
  const codes = Intl.supportedValuesOf("currency");
  cached = { codes, symbols: symbolsOf(codes), words: wordsOf(codes) };
  return cached;
}
