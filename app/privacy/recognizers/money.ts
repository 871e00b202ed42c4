import { currencyTerms } from "./currencyTerms";
import { SPELLED_NUMBER } from "./numberWords";
import { matchAll, type Recognizer, type Span } from "./Recognizer";

/**
 * Money amounts: an amount is the user's finances (rent, salary, debt, a refund), so it is
 * private. A currency (ISO code, symbol or name, from CLDR: see currencyTerms) before or after
 * a number in en/de/fr format: "$49.99", "£920", "EUR 500", "2.500 Euro", "1 234,56 €",
 * "CHF 1'200.–", "300 euros", "€2.5 million", "€800–1,000", "fifty dollars".
 * Without a currency, an amount is still money when what follows says so: a pay period ("3k a
 * month", "25 an hour", "1.200 im Monat", "2 300 par mois"), gross/net ("4.200 brutto"), or
 * slang ("49 bucks", "5 grand", "20 quid").
 */
// 1,234.56 / 1.234,56 / 1 234,56 (no-break spaces are spaces after normalize) / 1'200 / 49.99 / 500,-
const NUMBER = String.raw`\d{1,3}(?:(?:[,.'’]| (?=\d{3}(?!\d)))\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const TAIL = String.raw`(?:[.,][-–]{1,2}(?![A-Za-z0-9]))?`;
// Closed-class magnitude words and abbreviations of en/de/fr.
const MAGNITUDE = String.raw`(?:\s?(?:[kKmM]|bn|mn|million|millions|billion|billions|thousand|Mio\.?|Mrd\.?|Millionen|Million|Milliarden|Milliarde|Tsd\.?|milliards?|mds?)(?![A-Za-z]))?`;
const AMOUNT = String.raw`(?:${NUMBER})${TAIL}${MAGNITUDE}`;
const RANGE = String.raw`${AMOUNT}(?:\s?(?:[-–]|to|bis|a)\s?${AMOUNT})?`;

// Two digits at least, or a magnitude: "2 a day" is a dose, "40 a week" may be hours; "3k a month" is pay.
const BARE_AMOUNT = String.raw`(?:\d{1,3}(?:[,.'’ ]\d{3})+|\d{2,}|\d+(?:[.,]\d+)?\s?[kKmM](?![A-Za-z]))(?:[.,]\d{1,2})?`;
const MONEY_AFTER = String.raw`(?:an?|per|/)\s?(?:month|year|hour|annum|mo|yr|hr)|p\.\s?a\.|gross|net|brutto|netto|(?:im|pro|/)\s?(?:Monat|Jahr|Stunde)|monatlich|jahrlich|par\s+(?:mois|an|heure)|/\s?(?:mois|an|h)|bruts?|nets?|bucks|quid|grand(?!\s+prix)`;
const UNMARKED = new RegExp(String.raw`(?<![A-Za-z0-9.,'’])${BARE_AMOUNT}(?=\s?(?:${MONEY_AFTER})(?![A-Za-z]))`, "g");

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (items: readonly string[]) =>
  [...items]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");

interface Patterns {
  /** A symbol or code before or after a number. */
  marked: RegExp[];
  /** Currency names, found first: they are rarer than numbers, and the amount is looked for before them. */
  name: RegExp;
  numberBefore: RegExp;
  spelledBefore: RegExp;
}

let patterns: Patterns | undefined;

/**
 * Codes and letter symbols match in their case only ("all 500" is not Albanian lek); names in
 * any case. ASCII classes and no u flag: the text is folded and every symbol is in the BMP, and
 * Unicode-mode matching costs about twice the scan.
 */
function compile(): Patterns {
  const { codes, symbols, words } = currencyTerms();
  const marks = `(?:${alternation(codes)}|${alternation(symbols)})`;
  // Letters before a number need a space: "CF10 1AA" and "RM1 3AB" are postcodes, not francs and ringgit.
  const lettered = alternation([...codes, ...symbols.filter((s) => /^[\p{L}.]+$/u.test(s))]);
  const symbolic = alternation(symbols.filter((s) => !/^[\p{L}.]+$/u.test(s)));
  const start = String.raw`(?<![A-Za-z0-9.,'’])-?`;
  return {
    marked: [
      new RegExp(String.raw`(?<![A-Za-z0-9])-?(?:(?:${symbolic})\s?|(?:${lettered})\s)-?${RANGE}(?![0-9]|[.,]\d)`, "g"),
      new RegExp(String.raw`${start}${RANGE}\s?${marks}(?![A-Za-z])`, "g"),
    ],
    name: new RegExp(String.raw`(?<![A-Za-z])(?:${alternation(words)})(?![A-Za-z])`, "gi"),
    numberBefore: new RegExp(String.raw`${start}${RANGE}\s?$`),
    spelledBefore: new RegExp(String.raw`(?<![A-Za-z])${SPELLED_NUMBER}\s$`, "i"),
  };
}

/** "300 euros", "2.500 Euro", "fifty dollars": a number or number words right before a currency name. */
function namedAmounts(text: string, p: Patterns, digits: boolean): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(p.name)) {
    const at = m.index ?? 0;
    const before = text.slice(Math.max(0, at - 60), at);
    const amount = (digits ? p.numberBefore.exec(before) : null) ?? p.spelledBefore.exec(before);
    if (amount) spans.push({ start: at - before.length + amount.index, end: at + m[0].length, type: "MONEY" });
  }
  return spans;
}

export const money: Recognizer = (text) => {
  patterns ??= compile();
  const digits = /\d/.test(text);
  const spans = digits ? [...patterns.marked, UNMARKED].flatMap((regex) => matchAll(text, regex, "MONEY")) : [];
  spans.push(...namedAmounts(text, patterns, digits));
  return spans;
};
