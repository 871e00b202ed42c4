import { isCommonWord } from "../../privacy/commonWords";
import { isEnglishWord } from "../../privacy/names/englishWords";
import { lexicon } from "../../privacy/names/lexicon";
import { isOrdinary } from "../../privacy/names/nameTokens";

/**
 * A lowercase word the engine's own data knows as vocabulary or as something public: the
 * English dictionary (word-list), compromise's ordinary words, well-known places and
 * organisations, weekdays/months/titles, public software and platform names. A capitalised word
 * outside all of these is, most likely, someone's name — and the engine did not type it.
 */
export function isKnownWord(lower: string): boolean {
  if (isEnglishWord(lower) || isCommonWord(lower) || isOrdinary(lower)) return true;
  const lex = lexicon();
  return lex.places.has(lower) || lex.orgs.has(lower);
}
