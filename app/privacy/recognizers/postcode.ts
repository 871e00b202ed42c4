import { getCountries } from "libphonenumber-js";
import { groupSpans, type Recognizer, type Span } from "./Recognizer";

/**
 * Postcodes that no street pattern reaches (part of an address, so type ADDRESS):
 * - after a country name at the end of an address block: "Hungary 34796", "New Zealand 15896",
 *   "Deutschland 10115". The country names are data: every region libphonenumber-js knows,
 *   named by Intl.DisplayNames (CLDR) in en, de and fr, folded like the text;
 * - after a postcode cue: "ZIP: 35350", "my zip code is 880", "PLZ 10115", "code postal 75011".
 */
const CODE = String.raw`(\d{3,5}(?:[- ]\d{2,4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})`;
const CUE = new RegExp(String.raw`(?<![A-Za-z])(?:zip(?:\s*code)?|postal\s*code|post\s*code|postcode|PLZ|Postleitzahl|code\s+postal)\s*(?:is|ist|est|:|=)?\s*${CODE}(?![A-Za-z0-9])`, "dgi");

let afterCountry: RegExp | undefined;

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function countryPattern(): RegExp {
  const names = new Set<string>();
  for (const language of ["en", "de", "fr"]) {
    const display = new Intl.DisplayNames([language], { type: "region" });
    for (const code of getCountries()) {
      const name = display.of(code);
      if (name && name !== code) names.add(fold(name));
    }
  }
  const alternation = [...names].sort((a, b) => b.length - a.length).map(escape).join("|");
  // Case-sensitive: the country is capitalized; the code ends the line or the text.
  return new RegExp(String.raw`(?<![A-Za-z])(?:${alternation})[ \t]+(?!(?:19|20)\d\d(?![\d-]))(\d{4,5}(?:-\d{3,4})?)(?=[ \t]*(?:\n|$))`, "dg");
}

export const postcode: Recognizer = (text) => {
  if (!/\d{3}/.test(text)) return [];
  afterCountry ??= countryPattern();
  const spans: Span[] = [...groupSpans(text, afterCountry, "ADDRESS")];
  if (/zip|post|plz|code/i.test(text)) spans.push(...groupSpans(text, CUE, "ADDRESS"));
  return spans;
};
