import { getCountries } from "libphonenumber-js";
import { isVocabularyWord } from "../commonWords";
import { groupSpans, type Recognizer, type Span } from "./Recognizer";

/**
 * Postcodes that no street pattern reaches (part of an address, so type ADDRESS):
 * - after a country name at the end of an address block: "Hungary 34796", "New Zealand 15896",
 *   "Deutschland 10115". The country names are data: every region libphonenumber-js knows,
 *   named by Intl.DisplayNames (CLDR) in en, de and fr, folded like the text;
 * - after a postcode cue: "ZIP: 35350", "my zip code is 880", "PLZ 10115", "code postal 75011".
 */
const CODE = String.raw`(\d{3,5}(?:[- ]\d{2,4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})`;
const CUE = new RegExp(
  String.raw`(?<![A-Za-z])(?:zip(?:\s*code)?|postal\s*code|post\s*code|postcode|PLZ|Postleitzahl|code\s+postal)\s*(?:is|ist|est|:|=)?\s*${CODE}(?![A-Za-z0-9])`,
  "dgi",
);

let countries: Set<string> | undefined;

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "");

function countryNames(): Set<string> {
  const names = new Set<string>();
  for (const language of ["en", "de", "fr"]) {
    const display = new Intl.DisplayNames([language], { type: "region" });
    for (const code of getCountries()) {
      const name = display.of(code);
      if (name && name !== code) names.add(fold(name));
    }
  }
  return names;
}

// A 4–5 digit code ending its line (not a year): found first, then the words before it are looked up.
const LINE_END_CODE = /[ \t](?!(?:19|20)\d\d(?![\d-]))(\d{4,5}(?:-\d{3,4})?)(?=[ \t]*(?:\n|$))/dg;
const WORDS_BEFORE = /(?:^|[^A-Za-z])((?:[A-Z][A-Za-z.&'’-]*[ \t]+){0,3}[A-Z][A-Za-z.&'’()-]*)[ \t]*$/;

/** "Hungary 34796", "New Zealand 15896", "Deutschland 10115": a country name, then the code. */
function afterCountry(text: string): Span[] {
  countries ??= countryNames();
  const spans: Span[] = [];
  for (const m of text.matchAll(LINE_END_CODE)) {
    const range = m.indices?.[1];
    const words =
      WORDS_BEFORE.exec(text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 1))?.[1]
        ?.trim()
        .split(/[ \t]+/) ?? [];
    // The country is the last one to four capitalized words: "New Zealand", "United Kingdom".
    const isCountry = words.some((_, k) => countries?.has(words.slice(k).join(" ")));
    if (range && isCountry) spans.push({ start: range[0], end: range[1], type: "ADDRESS" });
  }
  return spans;
}

// "in Sydney NSW 2000", "in Quinta de São Tiago 3610-114": a town (one to four capitalized words) and
// the code after it, not a year ("in Berlin 2019").
const AFTER_TOWN = new RegExp(
  String.raw`(?<=(?:^|[^\p{L}])in\s+)(?:\p{Lu}[\p{L}'’\-]*\s+(?:(?:de|da|do|la|le|sur|am|an)\s+)?){1,4}(?!(?:19|20)\d\d(?![\d-]))(\d{4,5}(?:-\d{3})?)(?![\p{L}\p{N}]|[.,]\d)`,
  "dgu",
);

/** "in Round 1234", "in Room 1021" are no towns: the word before the code is not among the 10,000 commonest en/de/fr words (a region code is fine). */
function namesTown(_code: string, m: RegExpMatchArray): boolean {
  const words = m[0].trim().split(/\s+/);
  const last = words[words.length - 2] ?? "";
  return /^\p{Lu}{1,3}$/u.test(last) || !isVocabularyWord(last.toLowerCase());
}

export const postcode: Recognizer = (text) => {
  if (!/\d{3}/.test(text)) return [];
  const spans: Span[] = /\d[ \t]*(?:\n|$)/.test(text) ? afterCountry(text) : [];
  if (/zip|post|plz|code/i.test(text)) spans.push(...groupSpans(text, CUE, "ADDRESS"));
  if (/\bin\s/.test(text)) spans.push(...groupSpans(text, AFTER_TOWN, "ADDRESS", 1, namesTown));
  return spans;
};
