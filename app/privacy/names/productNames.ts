import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { lexicon } from "./lexicon";

/**
 * Product and technology names an English spelling dictionary lists with an inner capital
 * (issue #11, retention): "iPhone", "iPad", "eBay", "YouTube", "PlayStation", "WiFi",
 * "PowerPoint", "GitHub" — the mixed-case stems of Hunspell's en_US dictionary (`dictionary-en`,
 * SCOWL), which keeps each entry's case. A word everyone's spell checker knows in that shape is a
 * product or a technology, not the user's data; the names rules took them for people because they
 * are capitalized and in no word list. Written with a hyphen the dictionary's form is the same word
 * joined ("Wi-Fi" is "WiFi").
 *
 * Left out are the dictionary's persons and places with the same shape: a surname particle before
 * the inner capital ("McCain", "MacArthur", "DiCaprio", "DeKalb", "LaFollette", "FitzGerald": the
 * Gaelic, Romance and Dutch patronymic prefixes, a closed class) and any entry a name list holds.
 * Read once (~5 ms, ~120 entries).
 */
let names: Set<string> | undefined;

const INNER_CAPITAL = /^(?:\p{Ll}+\p{Lu}|\p{Lu}\p{Ll}+\p{Lu})\p{L}*$/u;
const SURNAME_PARTICLE = /^(?:Mc|Mac|Fitz|De|Di|Du|Da|La|Le|Van|Von|O)\p{Lu}/u;

export function productNames(): Set<string> {
  if (names) return names;
  const require = createRequire(import.meta.url);
  const path = require.resolve("dictionary-en").replace(/index\.js$/, "index.dic");
  const lex = lexicon();
  names = new Set();
  for (const [stem] of readFileSync(path, "utf8").matchAll(/^[^/\r\n]+(?=[/\r\n])/gmu)) {
    if (!INNER_CAPITAL.test(stem) || SURNAME_PARTICLE.test(stem)) continue;
    const lower = stem.toLowerCase();
    if (lex.firstNames.has(lower) || lex.lastNames.has(lower) || lex.places.has(lower)) continue;
    names.add(stem);
  }
  return names;
}

/** `word` as written ("iPhone"), or with its hyphens dropped ("Wi-Fi"), is a listed product or technology name. */
export function isProductName(word: string): boolean {
  const listed = productNames();
  return listed.has(word) || (word.includes("-") && listed.has(word.replace(/-/g, "")));
}
