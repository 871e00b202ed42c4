import { foldWord, isCommonWord } from "../../privacy/commonWords";
import { isEnglishWord } from "../../privacy/names/englishWords";
import { lexicon } from "../../privacy/names/lexicon";
import { isOrdinary } from "../../privacy/names/nameTokens";
import { hasSpellingVocabulary, isSpellingWord } from "../../privacy/spellingVocabulary";

/**
 * A lowercase word the engine's own data knows as vocabulary or as something public: the
 * English dictionary (word-list), compromise's ordinary words, well-known places and
 * organisations, weekdays/months/titles, public software and platform names. A capitalised word
 * outside all of these is, most likely, someone's name — and the engine did not type it.
 */
export function isKnownWord(lower: string): boolean {
  if (isEnglishWord(lower) || isCommonWord(lower) || isOrdinary(lower)) return true;
  return isPublicName(lower);
}

function isPublicName(lower: string): boolean {
  const lex = lexicon();
  return lex.places.has(lower) || lex.orgs.has(lower);
}

/**
 * A capitalised word (mid-sentence) that is vocabulary or public in `language`: English uses
 * isKnownWord; German and French their Hunspell dictionaries (spellingVocabulary.ts), where a
 * word the engine's name lists know as a first or last name counts as a name even if the
 * dictionary lists it (igerman98 lists "Olga"), unless it is among the commonest words.
 * Languages without a dictionary: every capitalised word counts as known (no signal).
 */
export function isKnownCapitalised(token: string, language: string): boolean {
  const lower = token.toLowerCase();
  if (language === "en") return isKnownWord(lower);
  if (!hasSpellingVocabulary(language)) return true;
  const folded = foldWord(token);
  if (isCommonWord(lower) || isPublicName(folded)) return true;
  const lex = lexicon();
  if (lex.firstNames.has(folded) || lex.lastNames.has(folded)) return false;
  return isSpellingWord(token, language);
}
