import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isFirstName, isLastName, type Token } from "./nameTokens";
import { isStopWord } from "./stopWords";

/**
 * French nouns that inflect for gender, as the French spelling dictionary (`dictionary-fr`,
 * Grammalecte) files them: its stems with an F flag (masculine and feminine forms: "défenseur/
 * défenseure", "médiateur/médiatrice", "procureur/procureure", "préfet/préfète"). A person's role
 * or office is such a noun; a thing ("fleur", "pierre", "rose") is not. Adjectives carry the flag
 * too, which is why publicOffice.ts asks for more than this (a capital mid-sentence, a remit after
 * "de", no listed name). Read once from the .dic file (~35 ms), folded as the names step folds.
 */
let cached: Set<string> | null = null;

const fold = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "");

export function frenchRoleNouns(): Set<string> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const path = require.resolve("dictionary-fr").replace(/index\.js$/, "index.dic");
  cached = new Set();
  for (const [, stem] of readFileSync(path, "utf8").matchAll(/^(\p{Ll}[\p{Ll}-]+)\/F/gmu))
    cached.add(fold(stem as string));
  return cached;
}

// Its remit after "de", after at most two lowercase adjectives: "des droits", "de l'énergie", "de la
// République", "du Rhône", "national de l'énergie", "général des lieux de privation de liberté".
const REMIT_AFTER =
  /^((?:[ \u00a0]+\p{Ll}[\p{Ll}-]+){0,2}?)[ \u00a0]+(?:de|des|du|d['’])[ \u00a0]*(?:(?:la|les)[ \u00a0]+|l['’][ \u00a0]*)?\p{L}/u;

// The feminine forms of a role noun, back to the masculine stem the dictionary files (grammar, a closed
// class): "Défenseure" → défenseur, "Médiatrice" → médiateur, "Contrôleuse" → contrôleur,
// "Préfète" → préfet, "Conseillère" → conseiller, "Gardienne" → gardien.
const FEMININE: ReadonlyArray<readonly [RegExp, string]> = [
  [/trice$/, "teur"],
  [/euse$/, "eur"],
  [/enne$/, "en"],
  [/e$/, ""],
];

function isRoleNoun(folded: string): boolean {
  const nouns = frenchRoleNouns();
  return (
    nouns.has(folded) ||
    FEMININE.some(([ending, masculine]) => ending.test(folded) && nouns.has(folded.replace(ending, masculine)))
  );
}

/**
 * A French public office named by its title and remit (issue #11, retention): "le Défenseur des
 * droits", "la Défenseure des droits", "le Médiateur national de l'énergie", "le Contrôleur général
 * des lieux de privation de liberté", "le Procureur de la République" — a role noun (or its
 * feminine form) written with a capital mid-sentence, with "de …" after it, an adjective or two
 * between. No listed given name or surname ("M. Petit du service client" stays a person), and no
 * function word between ("le Boucher qui est de Lyon" is no office).
 */
export function isFrenchOfficeTitle(token: Token, text: string): boolean {
  if (!token.capitalized || token.sentenceStart || !isRoleNoun(fold(token.lower))) return false;
  if (isFirstName(token.lower) || isLastName(token.lower)) return false;
  const remit = REMIT_AFTER.exec(text.slice(token.end, token.end + 48));
  return !!remit && !(remit[1] ?? "").split(/[ \u00a0]+/).some((word) => word !== "" && isStopWord(word));
}
