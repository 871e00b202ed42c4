import { isVocabularyWord } from "../commonWords";
import { isEnglishWord } from "../names/englishWords";
import { healthNouns } from "./healthNouns";
import { innKey } from "./innSpelling";
import { medicalAcronyms } from "./medicalTerms";
import type { Span } from "./Recognizer";

/**
 * Drug names in any of en/de/fr (healthNouns.ts: WordNet's medicines, read through their INN
 * spelling), and lab results without a unit when the test is named. On folded text.
 */
// A word long enough to be a drug name, with a one-letter prefix ("L-Thyroxin", "D-Mannose").
const DRUG_CANDIDATE = /(?<![A-Za-z-])(?:[A-Za-z]-)?([A-Za-z]{6,})(?![A-Za-z])/g;
// "l'insuline", "d'aspirine": the French article is not part of the name.
const ELIDED = /^[ld]'/i;

// Every long word of a text is looked up, and the same words recur from text to text.
const drugNameMemo = new Map<string, boolean>();
const MEMO_LIMIT = 50_000;

/** A name WordNet files as a medicine and that is not everyday en/de/fr vocabulary ("Methotrexat", "aciclovir"). */
export function isDrugName(word: string): boolean {
  const known = drugNameMemo.get(word);
  if (known !== undefined) return known;
  const lower = word.toLowerCase();
  const drug = healthNouns().drugs.has(innKey(lower)) && !isVocabularyWord(lower);
  if (drugNameMemo.size >= MEMO_LIMIT) drugNameMemo.clear();
  drugNameMemo.set(word, drug);
  return drug;
}

/** A drug or hormone name after a drug cue ("takes insulin", "prend de l'insuline", "nimmt L-Thyroxin"). */
export function isCuedDrugName(word: string): boolean {
  const lower = word
    .toLowerCase()
    .replace(ELIDED, "")
    .replace(/^[a-z]-/, "");
  const key = innKey(lower);
  return healthNouns().drugs.has(key) || healthNouns().cuedDrugs.has(key);
}

/** An everyday English word whose commonest sense is a condition ("shingles", "gout"): medical after a cue only. */
export function isConditionNoun(word: string): boolean {
  return healthNouns().conditions.has(word.toLowerCase());
}

/**
 * Drug names, and hormones written as the isomer a pharmacy sells ("L-Thyroxin", "L-Dopa"): the
 * one-letter prefix is how drug labels name the synthetic form, biology texts say "thyroxine".
 */
export function drugSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(DRUG_CANDIDATE)) {
    const name = m[1] ?? "";
    const isomer = m[0].length > name.length && healthNouns().cuedDrugs.has(innKey(name.toLowerCase()));
    if (!isomer && !isDrugName(name)) continue;
    const start = m.index ?? 0;
    spans.push({ start, end: start + m[0].length, type: "MEDICAL" });
  }
  return spans;
}

// A named test and its value, without a unit. With a word for a test value, up to three words may
// stand between ("TSH-Wert lag zuletzt bei 6,8", "CRP level was 12"); bare, only a verb or a
// preposition, and the value has decimals ("TSH 6,8", "taux de PSA à 4,2"; "NHS 111" is a phone line).
const TEST_VALUE =
  /(?<![A-Za-z0-9])([A-Z][A-Za-z0-9]{1,6})-?\s?(?:[Ww]erte?|[Ss]piegel|[Ll]evels?|[Vv]alue|[Cc]ount|[Rr]eading)(?:\s+[a-z]{1,12}){0,3}\s*:?\s*\d+(?:[.,]\d+)?(?![\d.,]*\d)/g;
// Bare: found from its decimal value, then the test name read back from the words before it.
const DECIMAL = /(?<![\d.,])\d+[.,]\d+(?![\d.,]*\d)/g;
const BARE_TEST_BEFORE =
  /(?<![A-Za-z0-9])([A-Z][A-Za-z0-9]{1,6})(?:\s*(?:of|von|:|=|is|was|ist|war|lag|liegt|bei|at|um|de|est|etait|a))?(?:\s+(?:bei|at|um|de|a|of))?\s*$/;
/** How far before a value its test name may start ("HbA1c etait de 7,2"). */
const BARE_LOOKBACK = 24;

const HAS_VALUE_WORD = /[Ww]ert|[Ss]piegel|[Ll]evel|[Vv]alue|[Cc]ount|[Rr]eading/;

/**
 * A lab value whose test is an acronym of the medical dictionary ("TSH", "PSA", "CRP", "INR";
 * not one that is an English word or everyday vocabulary: "VAT", "WHO").
 */
export function namedResultSpans(text: string): Span[] {
  const acronyms = medicalAcronyms();
  const isTest = (name: string) =>
    acronyms.has(name) && !isEnglishWord(name.toLowerCase()) && !isVocabularyWord(name.toLowerCase());
  const spans: Span[] = [];
  // Quick check: a word for a test value; most texts have none.
  if (HAS_VALUE_WORD.test(text))
    for (const m of text.matchAll(TEST_VALUE)) {
      if (!isTest(m[1] ?? "")) continue;
      const start = m.index ?? 0;
      spans.push({ start, end: start + m[0].length, type: "MEDICAL" });
    }
  for (const m of text.matchAll(DECIMAL)) {
    const end = (m.index ?? 0) + m[0].length;
    const from = Math.max(0, (m.index ?? 0) - BARE_LOOKBACK);
    const before = BARE_TEST_BEFORE.exec(text.slice(from, m.index ?? 0));
    // The look-back may cut a word: its first letter must start a word of the text.
    if (!before || /[A-Za-z0-9]/.test(text[from + before.index - 1] ?? "") || !isTest(before[1] ?? "")) continue;
    spans.push({ start: from + before.index, end, type: "MEDICAL" });
  }
  return spans;
}
