import { loadVocabulary } from "./commonWords";
import { isEnglishWord } from "./names/englishWords";
import { dictionaryAcronyms } from "./names/dictionaryAcronyms";
import { nameParts } from "./names/givenNameBefore";
import { holidayWords } from "./names/holidayWords";
import { lexicon } from "./names/lexicon";
import { publicBodies } from "./names/publicBodies";
import { stopWords } from "./names/stopWords";
import { currencyTerms } from "./recognizers/currencyTerms";
import { medicalTerms } from "./recognizers/medicalTerms";

/**
 * Loads the word lists (compromise's lexicon, the en/de/fr frequency lists, the English
 * dictionary: about 0.2 s; the currency vocabulary from Intl: about 0.2 s; the medical
 * dictionary: about 0.1 s; the people-names parts for given names before a surname: about 0.08 s;
 * WordNet's public bodies and the de/fr dictionaries' acronyms: a few tens of ms) now rather
 * than inside the first sanitize() call. Hosts call it at start-up; benchmarks before timing.
 */
export function preparePrivacyEngine(): void {
  lexicon();
  nameParts();
  holidayWords();
  loadVocabulary();
  isEnglishWord("a");
  currencyTerms();
  medicalTerms();
  publicBodies();
  stopWords();
  dictionaryAcronyms("de");
  dictionaryAcronyms("fr");
}
