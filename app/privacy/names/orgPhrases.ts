import { isSpellingWord } from "../spellingVocabulary";
import type { Span } from "../recognizers/Recognizer";
import { isEnglishWord } from "./englishWords";
import { isOrdinary, type Token } from "./nameTokens";
import { INSTITUTION_WORDS } from "./properNouns";
import { isStopWord } from "./stopWords";

/**
 * Institutions written with a lowercase kind word and a name: "école élémentaire des Acacias",
 * "university of north florida", "clinique du Parc". The kind word may take up to two
 * adjectives before the connector; the name is one to three words after it.
 */
const CONNECTORS = new Set("of des de du la le d am an im der zum zur".split(" "));

// Ordinary words that begin place names: "north florida", "new south wales", "saint denis".
const PLACE_PARTS = new Set(
  "north south east west northern southern eastern western new saint st san santa upper lower central".split(" "),
);

// French elision: "m'a", "l'ont", "d'un", "qu'il" are a function word glued to the next word.
const ELIDED = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]/u;

/**
 * A lowercase word that is no word of the text's language: in French or German text the English
 * lists say nothing ("rappelé", "mardi" are neither), so the language's own vocabulary decides —
 * the Hunspell stems of dictionary-fr / dictionary-de, as Auto's unclassified-token check uses.
 */
function isUnknownWord(t: Token, language: string): boolean {
  if (isOrdinary(t.lower) || isEnglishWord(t.lower)) return false;
  if (language !== "fr" && language !== "de") return true;
  return !ELIDED.test(t.lower) && !isStopWord(t.lower) && !isSpellingWord(t.text, language);
}

function nameAfter(tokens: Token[], i: number, language: string): number {
  let j = i;
  while (j < tokens.length && j - i < 3) {
    const t = tokens[j] as Token;
    // A new sentence is no part of the name ("… du Parc. Elle m'a rappelé").
    if (j > i && t.sentenceStart) break;
    // German capitalises every noun: past a connector inside the name, a known noun is the sentence
    // going on ("klinik am Stadtpark zur Kontrolle"), not more name.
    if (language === "de" && j > i && CONNECTORS.has((tokens[j - 1] as Token).lower) && isSpellingWord(t.text, "de"))
      break;
    const nameLike = t.capitalized || isUnknownWord(t, language) || CONNECTORS.has(t.lower) || PLACE_PARTS.has(t.lower);
    if (!nameLike) break;
    j++;
  }
  while (j > i && CONNECTORS.has((tokens[j - 1] as Token).lower)) j--;
  return j;
}

/**
 * Where the institution's kind word starts in a token, or -1 if the token is none: "école",
 * and after French elision "l'école", "d'université" (the article is glued to the word).
 */
function kindWordAt(t: Token): number {
  const elided = ELIDED.exec(t.lower)?.[0].length ?? 0;
  const capitalized = elided > 0 ? /^\p{Lu}/u.test(t.text.slice(elided)) : t.capitalized;
  return !capitalized && INSTITUTION_WORDS.has(t.lower.slice(elided)) ? elided : -1;
}

/** Only an institution's kind names one in lowercase; a company-name word there is a common noun. */
export function orgPhrases(tokens: Token[], language: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const kindAt = kindWordAt(t);
    if (kindAt < 0) continue;
    let k = i + 1;
    while (k < tokens.length && k - i <= 3 && !CONNECTORS.has((tokens[k] as Token).lower)) k++;
    if (k >= tokens.length || !CONNECTORS.has((tokens[k] as Token).lower)) continue;
    while (k + 1 < tokens.length && CONNECTORS.has((tokens[k + 1] as Token).lower)) k++;
    const end = nameAfter(tokens, k + 1, language);
    if (end > k + 1) {
      spans.push({ start: t.start + kindAt, end: (tokens[end - 1] as Token).end, type: "ORG" });
      i = end - 1;
    }
  }
  return spans;
}
