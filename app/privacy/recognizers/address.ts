import { isEnglishWord } from "../names/englishWords";
import { isFirstName } from "../names/nameTokens";
import { isGermanNonNoun } from "./germanNonNoun";
import { postcode } from "./postcode";
import { matchAll, type Recognizer, type Span } from "./Recognizer";

// Runs on folded text: "Straße" reads "Strasse", "allée" reads "allee".
const CAP = String.raw`\p{Lu}[\p{L}'’.\-]*`;
const US_SUFFIX =
  "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Wy|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Close|Crescent|Gardens|Square|Sq|Row|Mews|Trail|Loop|Alley|Plaza|Grove|Walk|Park";
const UNIT = String.raw`(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|#)\.?\s*#?\d+[A-Z]?)?`;
const CITY_STATE_ZIP = new RegExp(String.raw`(?:${CAP}\s){0,2}${CAP},\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?(?![\p{N}])`, "gu");
const COMPOUND_SUFFIX =
  "strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad|markt|katu|tie|gatan|vagen|vej|gade|straat|laan|utca|ulica";
const STREET_WORDS = String.raw`Strasse|Str\.|Weg|Platz|Allee|Ring|Damm|Ufer|Gasse`;
// After a hyphen the street word keeps its capital: "Konrad-Adenauer-Ring 5", "Karl-Marx-Allee 90".
const COMPOUND_END = `${COMPOUND_SUFFIX}|-(?:${STREET_WORDS})`;
// A street named after someone may start with a title or abbreviation and its full stop: "Dr.-Ruer-Platz 2",
// "St.-Georgs-Weg 5", "Prof.-Huber-Str. 3" (one address, not a title before a street).
const ABBREVIATED = String.raw`(?:\p{Lu}\p{Ll}{0,4}\.-)?`;
const STREET_COMPOUND = new RegExp(
  String.raw`(?<![\p{L}])(?:${CAP}\s)?${ABBREVIATED}\p{Lu}[\p{L}\-]*(?:${COMPOUND_END})\s+\d{1,4}(?:\s?[a-z](?![\p{L}]))?`,
  "gu",
);
// The word before the house number in a STREET_COMPOUND match.
const COMPOUND_WORD = /([\p{L}-]+)\s+\d+(?:\s?[a-z])?$/u;

// One letter before the hyphen names a thing by its shape or kind, not a street: "O-Ring 12", "X-Ring".
const LETTER_COMPOUND = /^\p{L}-[^-]+$/u;

/**
 * A word that merely ends like a street word is no street: an English word ("During 5",
 * "String 3", "Brigade 2"; word-list holds no German compound) or one German writes only in
 * lowercase, so no noun ("Hinweg 5"; germanNonNoun.ts). German streets
 * are nouns and compounds no English dictionary lists ("Marktring 5", "Kaiserring 12"), or
 * hyphenated names ("Konrad-Adenauer-Ring 5") unless the name is a single letter.
 */
function isStreetCompound(match: RegExpMatchArray): boolean {
  const word = COMPOUND_WORD.exec(match[0])?.[1] ?? "";
  if (word.includes("-")) return !LETTER_COMPOUND.test(word);
  return !isEnglishWord(word.toLowerCase()) && !isGermanNonNoun(word);
}

const STREET_WORD = new RegExp(
  String.raw`(?<![\p{L}])${CAP}\s(?:${STREET_WORDS})\s+\d{1,4}(?:\s?[a-z](?![\p{L}]))?`,
  "gu",
);
/**
 * The costliest patterns start a try at every capital letter; each is scanned only when the text
 * holds the part every match of it contains (same flags; speed, issue #11).
 */
const TRIGGERS = new Map<RegExp, RegExp>([
  [CITY_STATE_ZIP, /,\s+[A-Z]{2}\s+\d{5}/u],
  [STREET_COMPOUND, new RegExp(String.raw`(?:${COMPOUND_END})\s+\d`, "u")],
  [STREET_WORD, new RegExp(String.raw`(?:${STREET_WORDS})\s+\d`, "u")],
]);
const PATTERNS: RegExp[] = [
  // US/UK: "221B Baker Street", "1600 Pennsylvania Ave NW, Apt. 5".
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])\d{1,6}[A-Z]?,?\s+(?:${CAP}\s+){1,4}(?:${US_SUFFIX})\b\.?(?:\s+(?:NW|NE|SW|SE|N|S|E|W)\b)?${UNIT}`,
    "gu",
  ),
  // Lowercase chat form, only with a ZIP code after it: "100 diversy wy, chicago, il 60061".
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])\d{1,6}\s+(?:[\p{L}'.\-]+\s+){1,4}(?:${US_SUFFIX})\.?,?\s+(?:[\p{L}.\-]+\s?){1,3},?\s+[a-z]{2}\s+\d{5}(?:-\d{4})?(?![\p{N}])`,
    "giu",
  ),
  // US "Springfield, IL 62704" and UK postcodes "NW1 6XE".
  CITY_STATE_ZIP,
  /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![\p{L}\p{N}])/gu,
  // German: "Hauptstrasse 5a", "Berliner Str. 12", "Am Markt 3" is left to names/context.
  STREET_COMPOUND,
  STREET_WORD,
  // German street without a street word, when a postcode and town follow: "Am Rosenhang 7, 35390 Giessen".
  // (ASCII classes, no u flag: the text is folded.)
  /(?<![A-Za-z])(?:Am|An\s+der|Im|Auf\s+der|Auf\s+dem|Zum|Zur|In\s+der)\s+[A-Z][A-Za-z-]+\s+\d{1,4}[a-z]?(?=,?\s+(?:[DA]-)?\d{4,5}\s+[A-Z])/g,
  // French/Southern: "12 bis, rue de la Paix", "Via Roma 5", "Calle Mayor 3".
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|impasse|allee|chemin|quai|route|cours|square|passage|voie)\s+(?:(?:de la|de l'|du|des|de|d')\s*)?[\p{L}'’\-]+(?:\s(?:de la |du |des |de )?\p{Lu}[\p{L}'’\-]+){0,3}`,
    "giu",
  ),
  new RegExp(
    String.raw`(?<![\p{L}])(?:Via|Viale|Calle|Rua|Avenida|Piazza|Ulica|ul\.|Rue)\s+(?:${CAP}\s?){1,3}\d{1,4}`,
    "gu",
  ),
  // Postcode + city (DE/FR/AT/CH), after a comma, a line break or "in": "10115 Berlin".
  new RegExp(
    String.raw`(?<=(?:^|[,\n]|\bin)\s*)(?:[DAF]-)?\d{4,5}\s+\p{Lu}[\p{L}\-]+(?:[\s\-](?:am|an der|im|sur|sous|en)?\s?\p{Lu}[\p{L}\-]+)?`,
    "gu",
  ),
  new RegExp(
    String.raw`(?<![\p{L}])(?:Apt|Apartment|Suite|Unit|Flat|Wohnung|Appartement)\.?\s*#?\d+[A-Z]?(?![\p{L}\p{N}])`,
    "gu",
  ),
  // Post office boxes: "P.O. Box 104", "PO Box 77", "Postfach 12 34".
  /(?<![A-Za-z])(?:P\.?\s?O\.?\s?Box|Postfach|Boite\s+postale|BP)\s+\d[\d ]{0,7}\d(?![0-9])/g,
  // US military mail: "PSC 0413, Box 8144 APO AA 42323".
  /(?<![\p{L}])(?:PSC|Unit|CMR)\s+\d{3,5},?\s+Box\s+\d{3,5}\s+(?:APO|FPO|DPO)\s+A[AEP]\s+\d{5}(?![\p{N}])/gu,
];
// International "house number, street, number" forms: "6750 Koskikatu 25", "86036 Rua do Arenque 1634".
// A word ends without a period unless it is initials ("P.O. Box"): "35390 Giessen. Steuerliche … 86" crosses a
// sentence end. Address blocks span lines, but not into a sentence ("Japan 2019\nIn 1990": NEW_SENTENCE).
const NUMBER_STREET_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])\d{1,6}\s+(?:(?:\p{Lu}[\p{L}'’\-]*|(?:\p{Lu}\.){1,3})\s+(?:(?:do|da|de|del|la|di)\s+)?){1,3}\d{1,5}[a-z]?(?![\p{L}\p{N}])`,
  "gu",
);
// …but "12 March 1985", "3 Mai 2020" are dates, and "Chapter 3 Section 4" is not an address.
const NOT_A_STREET =
  /\b(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|fevrier|mar(?:ch|s)?|marz|apr(?:il)?|avril|may|mai|june?|juni|juin|july?|juli|juillet|aug(?:ust)?|aout|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?|dec(?:ember|embre)?|dez(?:ember)?|chapter|section|page|part|verse|kapitel|seite|level|step|grade|year|years|jahre|ans|minutes|hours)\b/i;

const NEW_SENTENCE = /\n\s*(?:In|The|On|At|For|And|But|Im|Am|Le|La|Les|En|Der|Die|Das|Ich|Je|I)\s/;

// Between two parts of one address: commas, line breaks, or up to three capitalized words.
const JOIN_GAP = /^(?:[\s,]*|[\s,]+(?:\p{Lu}[\p{L}-]*[\s,]+){1,3})$/u;

// A building or block number right before an address, on its line: "9383 ul. Chrzanowska 61", "846 31 Rue Al Imam".
const NUMBER_BEFORE = /(?<![\p{L}\p{N}.,])\d{1,6}[ \t]+$/u;

function withNumberBefore(text: string, s: Span): Span {
  const m = NUMBER_BEFORE.exec(text.slice(Math.max(0, s.start - 8), s.start));
  return m ? { ...s, start: s.start - m[0].length } : s;
}

/** Joins neighbouring parts ("12 Baker Street" + "London" + "NW1 6XE") into one address. */
function merge(text: string, spans: Span[]): Span[] {
  const sorted = spans.map((s) => withNumberBefore(text, s)).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && (s.start <= last.end || JOIN_GAP.test(text.slice(last.end, s.start))))
      last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

// The lines after an address, up to the first blank line or sentence: short lines (a town, a region,
// a country, a quoted "> " mark), at most three of them.
const BLOCK_LINE = /^[ \t>]*([^\n]{0,40})$/;
// A postcode alone at the end of such a line: 3–5 digits, or the hyphen/space forms ("53-320", "3610-114", "840 24"); not a year.
const LINE_FINAL_CODE = /(?:^|[ \t])(?!(?:19|20)\d\d(?![\d -]))(\d{3,5}(?:[- ]\d{2,3})?|\d{2}-\d{3})[ \t]*$/d;
const MAX_BLOCK_LINES = 3;

/**
 * A postcode ends an address block: "3482 Via Franscini 71\n Tujetsch\n 7188", "Mellemvej 32\nAalborg NO 9100".
 * Only in the short lines right after an address the patterns found, each at most a few words with no
 * sentence punctuation; the first line with a code ends the block.
 */
function blockPostcodes(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    let lineStart = text.indexOf("\n", s.end);
    for (let k = 0; lineStart >= 0 && k < MAX_BLOCK_LINES; k++) {
      const from = lineStart + 1;
      const next = text.indexOf("\n", from);
      const line = text.slice(from, next < 0 ? text.length : next);
      if (!BLOCK_LINE.test(line) || /[.!?:;,]\s*\S|^\s*$/.test(line)) break;
      const m = LINE_FINAL_CODE.exec(line);
      const range = m?.indices?.[1];
      if (range) {
        out.push({ start: from + range[0], end: from + range[1], type: "ADDRESS" });
        break;
      }
      lineStart = next;
    }
  }
  return out;
}

// A line of one to five capitalized words ("Scale Unlimited", "Google Public Data Explorer"), after an optional "> ".
const NAME_LINE = /^[ \t>]*((?:\p{Lu}[\p{L}'’&.-]*[ \t]+){0,4}\p{Lu}[\p{L}'’&.-]*)[ \t]*$/du;

/**
 * In a signature or address block, the line right above the street is the addressee: a person or the
 * organisation they work for ("Allan Björk\nScale Unlimited\nUnit 5022 Box 1225"): PERSON when it starts
 * with a listed given name, else ORG (the names step's person span, when it has one, is as long; the
 * type only changes typed recall, not what is masked).
 */
function lineAbove(text: string, s: Span): Span[] {
  const lineStart = text.lastIndexOf("\n", s.start - 1) + 1;
  if (lineStart === 0 || text.slice(lineStart, s.start).trim().replace(/^>/, "").trim() !== "") return [];
  const prevStart = text.lastIndexOf("\n", lineStart - 2) + 1;
  const m = NAME_LINE.exec(text.slice(prevStart, lineStart - 1));
  const range = m?.indices?.[1];
  if (!range) return [];
  const first = (m?.[1] ?? "").split(/[ \t]/)[0]?.toLowerCase() ?? "";
  return [{ start: prevStart + range[0], end: prevStart + range[1], type: isFirstName(first) ? "PERSON" : "ORG" }];
}

export const address: Recognizer = (text, context) => {
  const spans: Span[] = [];
  for (const regex of PATTERNS)
    if (TRIGGERS.get(regex)?.test(text) !== false)
      spans.push(...matchAll(text, regex, "ADDRESS", regex === STREET_COMPOUND ? isStreetCompound : undefined));
  spans.push(
    ...matchAll(text, NUMBER_STREET_NUMBER, "ADDRESS", (m) => !NOT_A_STREET.test(m[0]) && !NEW_SENTENCE.test(m[0])),
  );
  // Postcodes join the street and town lines before them ("Apt. 656\n Brønderslev\n Denmark 35018").
  spans.push(...postcode(text, context));
  // Address blocks and the addressee above one span lines.
  if (!text.includes("\n")) return merge(text, spans);
  if (spans.length > 0) spans.push(...blockPostcodes(text, spans));
  const merged = merge(text, spans);
  return [...merged, ...merged.flatMap((s) => lineAbove(text, s))];
};
