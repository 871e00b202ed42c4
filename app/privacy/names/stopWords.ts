import { createRequire } from "node:module";
import { foldWord, isVeryCommonWord } from "../commonWords";

/**
 * Function words — pronouns, articles, prepositions, auxiliaries ("toi", "where", "uns") — from
 * the `stopword` package 3.1.5 (MIT): its English (108 words) and French (Snowball, 168) lists
 * whole; its German list (621 words) holds content words and surnames too ("Mann", "Ernst",
 * "Morgen"), so of it only the words among the ~300 commonest of en/de/fr that no name list
 * claims. Written in lowercase such a word is grammar, not a person ("Bonne fête à toi":
 * compromise lists "Toi" as a given name), and a word in capitals that is one, or stands next to
 * one, is shouted, not an acronym ("WHAT TO PRESS"). Folded like the names step's words. Read
 * once, ~400 words, ~1 ms.
 */
let cached: Set<string> | null = null;

export function stopWords(): Set<string> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const lists = require("stopword") as Record<string, string[]>;
  const german = (lists.deu ?? []).filter((word) => isVeryCommonWord(word));
  cached = new Set([...(lists.eng ?? []), ...(lists.fra ?? []), ...german].map(foldWord));
  return cached;
}

/** A function word of en/de/fr (lowercase). */
export function isStopWord(lower: string): boolean {
  return stopWords().has(foldWord(lower));
}
