import { createRequire } from "node:module";
import { foldWord as fold } from "../commonWords";

/**
 * Everyday French words that are nobody's name in a French paragraph ("Merci", "viens", "Ancien"):
 * the 10,000 commonest words of the OpenSubtitles 2024 French counts that @zxcvbn-ts/language-fr
 * ships as `commonWords` (ODC-BY, via OPUS), minus every word the same package lists as a French
 * first name or surname ("Pierre", "Rose", "Blanche" stay names). Folded like the text the names
 * step reads.
 *
 * French only, and asked only by the names rules for French paragraphs: the shared vocabulary
 * (commonWords.ts) lets the name lists overrule the frequency lists, because subtitles are full
 * of names; here the French lists overrule the international name lists ("merci" and "viens" are
 * given names somewhere, but in a French sentence they are a thank-you and a verb). Measured: in
 * the shared vocabulary these words raised leakage on dev2's report half; kept to French text they
 * do not (docs/PRIVACY.md). ~30 ms CPU to read, ~8k words kept.
 */
const TOP = 10_000;
let cached: Set<string> | null = null;

export function frenchOrdinaryWords(): Set<string> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const read = (name: string): string[] => require(`@zxcvbn-ts/language-fr/dist/${name}.json.cjs`) as string[];
  const names = new Set([...read("firstnames"), ...read("lastnames")].map(fold));
  const words = new Set<string>();
  for (const word of read("commonWords").slice(0, TOP)) {
    const folded = fold(word);
    if (!names.has(folded)) words.add(folded);
  }
  cached = words;
  return words;
}

/** `lower` (a token of a paragraph in `language`, as the names step reads it) is an everyday French word, no name. */
export function isFrenchOrdinaryWord(lower: string, language: string): boolean {
  return language === "fr" && frenchOrdinaryWords().has(fold(lower));
}
