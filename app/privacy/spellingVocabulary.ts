import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * German and French vocabulary from the Hunspell dictionaries shipped by `dictionary-de`
 * (igerman98, GPL-2.0/GPL-3.0) and `dictionary-fr` (Grammalecte, MPL-2.0): the stems of the
 * .dic files, read as data without expanding affixes (~80k entries each, ~50 ms, a few MB).
 * So Auto can tell an unknown capitalised word — most likely a name — from vocabulary in every
 * language it routes, not only English (issue #16), and the names step can tell where an
 * institution's name ends in French or German text (names/orgPhrases.ts).
 *
 * Measured alternative: @cspell/dict-de-de / -fr-fr (tries with every inflection and compound)
 * need cspell-trie-lib and took 0.8–2.5 s and 150–210 MB RSS to load here: too heavy for a
 * per-message check in a desktop app.
 */
interface Stems {
  /** Entries exactly as written ("Vermieter", "Müller", "médecin", "Dubois"). */
  exact: Set<string>;
  /** Entries written in lowercase: ordinary words (French proper nouns are capitalised-only). */
  lowercase: Set<string>;
}

const cache = new Map<string, Stems>();
const PACKAGES: Readonly<Record<string, string>> = { de: "dictionary-de", fr: "dictionary-fr" };

function stems(language: string): Stems | null {
  const pkg = PACKAGES[language];
  if (!pkg) return null;
  const hit = cache.get(language);
  if (hit) return hit;
  const require = createRequire(import.meta.url);
  const path = require.resolve(pkg).replace(/index\.js$/, "index.dic");
  // German derives most nouns by suffix rules ("kündigen" + J → "kündigung"): expand them.
  const suffixes =
    language === "de"
      ? suffixRules(readFileSync(path.replace(/dic$/, "aff"), "utf8"))
      : new Map<string, SuffixRule[]>();
  const result: Stems = { exact: new Set(), lowercase: new Set() };
  const add = (word: string) => {
    result.exact.add(word);
    if (!/\p{Lu}/u.test(word)) result.lowercase.add(word);
  };
  for (const line of readFileSync(path, "utf8").split("\n").slice(1)) {
    const [word = "", flags = ""] = line.trim().split("/");
    if (word === "") continue;
    add(word);
    for (const flag of flags)
      for (const rule of suffixes.get(flag) ?? [])
        if (rule.condition.test(word)) add(word.slice(0, word.length - rule.strip.length) + rule.add);
  }
  cache.set(language, result);
  return result;
}

interface SuffixRule {
  strip: string;
  add: string;
  condition: RegExp;
}

/** Hunspell "SFX flag strip add condition" lines (single-character flags, as igerman98 uses). */
function suffixRules(aff: string): Map<string, SuffixRule[]> {
  const rules = new Map<string, SuffixRule[]>();
  for (const line of aff.split("\n")) {
    const f = line.trim().split(/\s+/);
    if (f[0] !== "SFX" || f.length < 5 || f[1] === undefined) continue;
    const [strip = "0", add = "0"] = [f[2], (f[3] ?? "0").split("/")[0]];
    const list = rules.get(f[1]) ?? [];
    list.push({
      strip: strip === "0" ? "" : strip,
      add: add === "0" ? "" : add,
      condition: new RegExp(`${f[4] === "." ? "" : f[4]}$`, "u"),
    });
    rules.set(f[1], list);
  }
  return rules;
}

/** Loads `language`'s dictionary now (Auto's background warm-up) instead of on the first message. */
export function loadSpellingVocabulary(language: string): void {
  stems(language);
}

/** An entry of `language`'s dictionary as written, its suffix forms included ("Türke", "Türkin", "Marokkaner"). */
export function isDictionaryEntry(word: string, language: string): boolean {
  return stems(language)?.exact.has(word) ?? false;
}

/** Whether a dictionary for this language ships (en has its own, see isKnownWord). */
export function hasSpellingVocabulary(language: string): boolean {
  return PACKAGES[language] !== undefined;
}

// Inflection endings tried when a form is not a stem (affixes are not expanded): German noun
// and adjective endings, French plural and feminine.
const ENDINGS: Readonly<Record<string, readonly string[]>> = {
  de: ["s", "es", "n", "en", "e", "er", "ern", "ns"],
  fr: ["s", "x", "e", "es"],
};
// German compounds join stems with a linking element (Fugenelement).
const LINKS = ["", "s", "es", "n", "en", "e", "er"];
const MIN_PART = 3;

function isForm(word: string, set: Set<string>, language: string): boolean {
  if (set.has(word)) return true;
  return (ENDINGS[language] ?? []).some(
    (e) => word.length > e.length + 2 && word.endsWith(e) && set.has(word.slice(0, -e.length)),
  );
}

/**
 * A German compound whose head (last part, a capitalised noun) and modifier are both known:
 * "Mieterhöhung" = "Miete" + "Erhöhung", "Zahnarzt" = "Zahn" + "Arzt".
 */
function isCompound(word: string, dict: Stems): boolean {
  const hit = compoundCache.get(word);
  if (hit !== undefined) return hit;
  compoundCache.set(word, false); // a cycle guard while the word is being split
  const result = splitsIntoStems(word, dict);
  if (compoundCache.size > 20_000) compoundCache.clear();
  compoundCache.set(word, result);
  return result;
}

const compoundCache = new Map<string, boolean>();

function splitsIntoStems(word: string, dict: Stems): boolean {
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    const head = word.slice(cut);
    const headNoun = head.charAt(0).toUpperCase() + head.slice(1);
    if (!isForm(headNoun, dict.exact, "de")) continue;
    const modifier = word.slice(0, cut);
    for (const link of LINKS) {
      if (link !== "" && !modifier.toLowerCase().endsWith(link)) continue;
      const stem = link === "" ? modifier : modifier.slice(0, -link.length);
      if (stem.length < MIN_PART) continue;
      const lower = stem.toLowerCase();
      const capital = lower.charAt(0).toUpperCase() + lower.slice(1);
      if (dict.exact.has(capital) || dict.lowercase.has(lower) || isCompound(capital, dict)) return true;
    }
  }
  return false;
}

/**
 * A capitalised word that is vocabulary of `language`. German: any entry (nouns are
 * capitalised), an inflected form or a compound of entries. French: a lowercase entry or its
 * plural/feminine; a capitalised-only entry ("Dubois", "Anaïs") is a proper noun, not vocabulary.
 */
export function isSpellingWord(word: string, language: string): boolean {
  const dict = stems(language);
  if (!dict) return false;
  const lower = word.toLowerCase();
  if (language === "fr") return isForm(lower, dict.lowercase, "fr");
  return isForm(word, dict.exact, "de") || isForm(lower, dict.lowercase, "de") || isCompound(word, dict);
}
