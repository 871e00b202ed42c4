import { foldWord } from "../../privacy/commonWords";
import { nameParts } from "../../privacy/names/givenNameBefore";
import { stopWords } from "../../privacy/names/stopWords";
import { calendarWords } from "../../privacy/names/calendarWords";
import { holidayWords } from "../../privacy/names/holidayWords";
import { lexicon } from "../../privacy/names/lexicon";
import { NAME_WORDS, PUBLIC_NAMES, TITLE } from "../../privacy/names/nameTokens";
import { isKinWord, isPublicNoun } from "./publicNouns";
import type { PublicWordList, RoutingRules } from "./routingRules";

/**
 * The engine's name data as Auto reads it (issue #16): titles announce a name, holidays and
 * titles are public words, and given names that are also dictionary words ("Hope", "Will",
 * "Grace") are names when capitalised mid-sentence. All lists are the engine's (compromise,
 * date-holidays, Intl/CLDR); none is typed in here.
 */
export function isTitle(word: string): boolean {
  return TITLE.test(foldWord(word));
}

const LISTS: Readonly<Record<PublicWordList, (token: string) => boolean>> = {
  titles: (token) => TITLE.test(foldWord(token)),
  holidays: (token) => holidayWords().has(foldWord(token)),
  // A given name is a name even when WordNet files the word as kin or a public noun.
  kinship: (token) => isKinWord(token) && !isGivenNameWord(token),
  "public-nouns": (token) => isPublicNoun(token) && !isGivenNameWord(token),
};

/** A capitalised word of one of `rules.publicWordLists`: vocabulary in every language ("Mme", "Eid", "Mom", "Bible"). */
export function isPublicWord(
  token: string,
  rules: RoutingRules,
  only: readonly PublicWordList[] = rules.publicWordLists,
): boolean {
  return rules.publicWordLists.some((list) => only.includes(list) && LISTS[list](token));
}

/**
 * A given name of the engine's lists (compromise's first names, the de/fr given names, and the
 * name-words that are also ordinary words), but not a month, weekday or holiday ("May", "August")
 * nor a public place or organisation ("Georgia", "Florence").
 */
export function isGivenNameWord(token: string): boolean {
  const folded = foldWord(token);
  const lex = lexicon();
  return (lex.givenNames.has(folded) || NAME_WORDS.has(folded)) && !isPublicName(folded);
}

/** A month, weekday or holiday, or a listed public place or organisation (folded). */
function isPublicName(folded: string): boolean {
  const lex = lexicon();
  return calendarWords().has(folded) || holidayWords().has(folded) || lex.places.has(folded) || lex.orgs.has(folded);
}

/** A surname or name part of the engine's lists: compromise's surnames, @cspell/dict-people-names' name parts. */
export function isListedNamePart(token: string): boolean {
  const folded = foldWord(token);
  return lexicon().lastNames.has(folded) || nameParts().has(folded);
}

/**
 * A surname or name part of the engine's lists (compromise's surnames, @cspell/dict-people-names'
 * name parts) that is also a word, so the names step left it alone capitalised mid-sentence
 * ("Baker", "Shepherd", "Brown"; a frequent word too: mid-sentence, the capital makes it a
 * name), but not a function word (package stopword), month, weekday, holiday or public place
 * or organisation.
 */
export function isNamePartWord(token: string): boolean {
  return isListedNamePart(token) && isProperNounShaped(token);
}

/**
 * A word written like a proper noun (a capital, then lowercase: "Tableau", not "NHS" or "iPhone")
 * that is not public by the engine's lists: not a function word (package stopword), month,
 * weekday, holiday, public platform (`PUBLIC_NAMES`) or listed place or organisation.
 */
export function isProperNounShaped(token: string): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(token)) return false;
  const folded = foldWord(token);
  return !stopWords().has(folded) && !PUBLIC_NAMES.has(folded) && !isPublicName(folded);
}
