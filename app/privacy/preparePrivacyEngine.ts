import { loadSpellingVocabulary } from "./spellingVocabulary";
import { loadVocabulary } from "./commonWords";
import { isEnglishWord } from "./names/englishWords";
import { dictionaryAcronyms } from "./names/dictionaryAcronyms";
import { frenchOrdinaryWords } from "./names/frenchOrdinaryWords";
import { frenchRoleNouns } from "./names/frenchRoleNouns";
import { nameParts } from "./names/givenNameBefore";
import { germanNationalityWords, nationalityWords } from "./names/nationalityTies";
import { organisationHeads } from "./names/orgSlots";
import { productNames } from "./names/productNames";
import { holidayWords } from "./names/holidayWords";
import { lexicon } from "./names/lexicon";
import { publicBodies } from "./names/publicBodies";
import { publicTitles } from "./names/publicTitles";
import { stopWords } from "./names/stopWords";
import { currencyTerms } from "./recognizers/currencyTerms";
import { frenchConditions } from "./recognizers/frenchConditions";
import { isGermanNonNoun } from "./recognizers/germanNonNoun";
import { healthNouns } from "./recognizers/healthNouns";
import { medicalAcronyms, medicalTerms } from "./recognizers/medicalTerms";

/**
 * Loads the word lists (compromise's lexicon, the en/de/fr frequency lists, the English
 * dictionary: about 0.2 s; the currency vocabulary from Intl: about 0.2 s; the medical
 * dictionary: about 0.1 s; WordNet's drug and condition nouns: about 0.1 s; the people-names parts for given names before a surname: about 0.08 s;
 * WordNet's public bodies and office titles: a few ms; its kinds of organisation and the nationality words:
 * ~0.2 s) now rather than inside the first sanitize() call, and the
 * vocabularies of the given languages (prepareLanguage). Auto's warm-up passes none and loads its
 * conversation's language in steps of its own; benchmarks, which read every language, load all of
 * them before timing.
 */
export function preparePrivacyEngine(languages: readonly string[] = LANGUAGE_VOCABULARIES): void {
  lexicon();
  nameParts();
  holidayWords();
  loadVocabulary();
  isEnglishWord("a");
  currencyTerms();
  medicalTerms();
  medicalAcronyms();
  healthNouns();
  publicBodies();
  publicTitles();
  organisationHeads();
  nationalityWords();
  productNames();
  stopWords();
  isGermanNonNoun("a");
  for (const language of languages) prepareLanguage(language);
}

/** The languages with vocabularies of their own (below); English needs none beyond the shared lists. */
export const LANGUAGE_VOCABULARIES: readonly string[] = ["de", "fr"];

/**
 * Loads what the first paragraph in `language` would otherwise load: its word lists
 * (prepareLanguageLists) and its Hunspell stems (where an institution's name ends, orgPhrases;
 * fr ~0.2 s / ~20 MB, de ~0.5 s / ~30 MB, shared with Auto). Each is loaded once; a language
 * without vocabularies of its own is a no-op.
 */
function prepareLanguage(language: string): void {
  prepareLanguageLists(language);
  loadSpellingVocabulary(language);
  // German nationality nouns are checked against the stems just loaded (~10 ms).
  if (language === "de") germanNationalityWords();
}

/**
 * prepareLanguage without the Hunspell stems: the language dictionary's acronyms (de/fr, ~10 ms
 * each) and, for French, the condition names from the CIM-10 titles (~0.17 s, 2 MB kept) and the
 * everyday words no French name is (~30 ms), and the dictionary's role nouns (~35 ms). Auto's
 * warm-up loads the stems as a step of their own, so no single step blocks for both.
 */
export function prepareLanguageLists(language: string): void {
  dictionaryAcronyms(language);
  if (language === "fr") {
    frenchConditions();
    frenchOrdinaryWords();
    frenchRoleNouns();
  }
}
