import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Acronyms a language's spelling dictionary lists as words of that language (issue #11,
 * retention): the all-capital entries of the Hunspell dictionaries `dictionary-de` (igerman98:
 * "BGB", "AOK", "ICE", "ZDF", "TÜV") and `dictionary-fr` (Grammalecte: "TGV", "CHU", "CAF",
 * "SNCF", "RATP"). What a national dictionary lists is a public name everyone in that language
 * knows — laws, public bodies, well-known companies — so in a German or French paragraph it is
 * not the user's unless the text ties it to them ("je suis à la CAF" is not a tie; "mon
 * employeur, la SNCF" is: userTies.ts).
 *
 * Only for paragraphs in that language: an English text's acronyms are read with the English
 * rules (PUPA and Presidio count a company's ticker or acronym mentioned in passing as
 * identifying). Read once per language from the .dic file's stems (~10 ms CPU each).
 */
const PACKAGES: Readonly<Record<string, string>> = { de: "dictionary-de", fr: "dictionary-fr" };
const cache = new Map<string, Set<string>>();

export function dictionaryAcronyms(language: string): Set<string> {
  const hit = cache.get(language);
  if (hit) return hit;
  const pkg = PACKAGES[language];
  const out = new Set<string>();
  if (pkg) {
    const require = createRequire(import.meta.url);
    const path = require.resolve(pkg).replace(/index\.js$/, "index.dic");
    // Stems of two to six capitals (one regex pass over the file, not 80k line splits); no Roman numeral ("XIV").
    for (const [stem] of readFileSync(path, "utf8").matchAll(/^\p{Lu}{2,6}(?=[/\r\n])/gmu))
      if (!/^[IVXLCDM]+$/.test(stem)) out.add(fold(stem));
  }
  cache.set(language, out);
  return out;
}

// The names step reads folded text ("OGK" for "ÖGK"): fold the entries the same way.
function fold(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

/** `text` (as the names step sees it, folded) is an acronym the paragraph language's dictionary lists. */
export function isDictionaryAcronym(text: string, language: string): boolean {
  return dictionaryAcronyms(language).has(text);
}
