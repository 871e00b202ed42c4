/**
 * Word lists for the names step, taken from compromise's lexicon (first/last names, places,
 * organisations, and the ordinary words it knows) plus German and French names it lacks.
 * Built once on first use; lookups are Set hits, which keeps step 4 fast (compromise's full
 * tagger runs at ~70 KB/s here, far below the 500 KB/s budget).
 */
import nlp from "compromise";
import { EXTRA_FIRST_NAMES, EXTRA_LAST_NAMES, EXTRA_PLACES } from "./extraNames";

export interface Lexicon {
  firstNames: Set<string>;
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
  const lex = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;
  const result: Lexicon = { firstNames: new Set(EXTRA_FIRST_NAMES), lastNames: new Set(EXTRA_LAST_NAMES), places: new Set(EXTRA_PLACES), orgs: new Set(), ordinary: new Set(), maxPhraseWords: 1 };
  for (const [word, value] of Object.entries(lex)) classify(result, word, Array.isArray(value) ? value : [value]);
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
