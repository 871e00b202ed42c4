import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isFirstName, isLastName, type Token } from "./nameTokens";

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

// Its remit after "de": "des droits", "de l'énergie", "de la République", "du Rhône".
const REMIT_AFTER = /^[ \u00a0]+(?:de|des|du|d['’])[ \u00a0]*(?:(?:la|les)[ \u00a0]+|l['’][ \u00a0]*)?\p{L}/u;

/**
 * A French public office named by its title and remit (issue #11, retention): "le Défenseur des
 * droits", "le Médiateur de l'énergie", "le Procureur de la République" — a role noun written
 * with a capital mid-sentence, with "de …" after it. No listed given name or surname ("M. Petit
 * du service client" stays a person).
 */
export function isFrenchOfficeTitle(token: Token, text: string): boolean {
  return (
    token.capitalized &&
    !token.sentenceStart &&
    frenchRoleNouns().has(fold(token.lower)) &&
    !isFirstName(token.lower) &&
    !isLastName(token.lower) &&
    REMIT_AFTER.test(text.slice(token.end, token.end + 24))
  );
}
