import { foldWord, isVocabularyWord } from "../commonWords";
import { lexicon } from "./lexicon";
import type { Span } from "../recognizers/Recognizer";
import type { PrivateType } from "../types";
import { isEnglishWord } from "./englishWords";
import { holidayWords } from "./holidayWords";
import {
  isFirstName,
  isLastName,
  isListedOrdinary,
  isOrdinary,
  NAME_WORDS,
  PUBLIC_NAMES,
  TITLE,
  CONTRACTION,
  type Token,
} from "./nameTokens";
import { mostlyEnglish, ORG_WORDS } from "./properNouns";
import { calendarWords } from "./calendarWords";
import { inOrganisationSlot } from "./orgSlots";
import { isPublicBodyName } from "./publicBodies";
import { placeEndAt } from "./publicOffice";
import { titleEndAt } from "./publicTitles";
import { tiedToUser } from "./userTies";
import { lazyTags, type TaggedWord } from "./winkTagger";

/**
 * Proper nouns by a statistical tagger (wink-nlp's English model), for what capitals and lists
 * miss: a lone name that is also a word ("Lily was five months old"), a name at a sentence start,
 * a company in lowercase ("from copart"). English paragraphs only (the model is English).
 * Public vs the user's: a run of words every dictionary knows ("Burger King", "Social Security
 * Administration"), a weekday, month, holiday, platform or acronym is public unless the
 * text ties it to the user (userTies.ts); a word no dictionary knows, or a listed given name the
 * tagger reads as a name, is private.
 */
interface Word extends TaggedWord {
  text: string;
  lower: string;
}

/** Runs of PROPN tags separated by single spaces ("Burger King", "Rindy"), with the tag of the word after. */
function propnRuns(text: string, tagged: readonly TaggedWord[]): Array<{ words: Word[]; next: string | undefined }> {
  const runs: Array<{ words: Word[]; next: string | undefined }> = [];
  let cur: Word[] = [];
  for (const w of tagged) {
    // Only a proper noun's text is read (most words are not one).
    const value = w.pos === "PROPN" ? text.slice(w.start, w.end) : "";
    // Titles are not part of a name ("Mr. Gary Thompson" → "Gary Thompson"); contractions are no names ("C'mon").
    const propn =
      w.pos === "PROPN" &&
      /^\p{L}/u.test(value) &&
      !TITLE.test(value.toLowerCase().replace(/\.$/, "")) &&
      !CONTRACTION.test(value);
    const prev = cur[cur.length - 1];
    if (!propn || (prev && !/^[ \u00a0]$/.test(text.slice(prev.end, w.start)))) {
      if (cur.length) runs.push({ words: cur, next: w.pos });
      cur = [];
    }
    // The fields written out, not a spread: one object shape, no copying loop per proper noun.
    if (propn) cur.push({ start: w.start, end: w.end, pos: w.pos, text: value, lower: fold(value) });
  }
  if (cur.length) runs.push({ words: cur, next: undefined });
  return runs;
}

// NFD folding only where needed: most words are ASCII.
const fold = (word: string) => (/^[ -~]*$/.test(word) ? word.toLowerCase() : foldWord(word));

/** Known to some dictionary or vocabulary list as an ordinary word. */
function isDictionaryWord(lower: string): boolean {
  return (
    isEnglishWord(lower) ||
    isVocabularyWord(lower) ||
    isListedOrdinary(lower) ||
    (lower.endsWith("s") && isEnglishWord(lower.slice(0, -1)))
  );
}

/**
 * In the English dictionary but in no frequency list and unknown to compromise ("Rindy",
 * "Avast"): mid-sentence, where the tagger calls it a proper noun, most likely a name.
 */
function isRare(lower: string): boolean {
  return !isVocabularyWord(lower) && !isOrdinary(lower);
}

/** Public on its own: a weekday or month, a holiday, a platform, an acronym or initialism ("IRS", "NHS", "U.S.", "P.S."). */
function isPublicWord(w: Word): boolean {
  return (
    calendarWords().has(w.lower) ||
    holidayWords().has(w.lower) ||
    PUBLIC_NAMES.has(w.lower) ||
    /^(?:\p{Lu}{2,5}|(?:\p{Lu}\.){1,4})$/u.test(w.text)
  );
}

function sentenceStart(text: string, w: Word): boolean {
  return /(?:^|[.!?:;\n"“«(\-–•*>])\s*$/u.test(text.slice(Math.max(0, w.start - 4), w.start));
}

/**
 * Places, then a public office title to the end of the run (publicTitles.ts): "Texas Attorney General",
 * "New York Attorney General" — a place of several words as the names rules read it (publicOffice.placeEndAt).
 */
function endsInTitle(words: readonly Word[]): boolean {
  const lowers = words.map((w) => w.lower);
  for (let i = 0; i < lowers.length - 1; i++) {
    if (titleEndAt(lowers, i) === lowers.length) return true;
    const place = placeEndAt(lowers, i);
    if (place < 0) return false;
    i = place - 1;
  }
  return false;
}

const SHORT_CODE = /^(?=.*\p{N})(?=.*\p{L})\p{L}{1,2}-?\p{N}{1,2}$/u;

/** What the run is, or null when it is public. */
function classify(text: string, words: Word[], next: string | undefined, isEnglish: () => boolean): PrivateType | null {
  const first = words[0] as Word;
  // A short code of at most two letters and two digits ("A4", "B12", "PS5", "W-2", "v2") names a paper size, vitamin,
  // product or form: public. An identifier is longer, and one after its cue word is the keyword-id recognizer's.
  if (words.length === 1 && SHORT_CODE.test(first.text)) return null;
  // A proper noun with a digit is a code or an id, not a name ("C01X00T47"): typed so, Auto's identity rule sees it.
  if (words.some((w) => /\p{N}/u.test(w.text))) return "ID";
  // The tie to the user is asked last: it is the costliest test and decides only what is otherwise public.
  const tied = () => tiedToUser(text, first.start);
  // A public body ("Medicare", "FEMA", publicBodies.ts) is nobody's data unless the text ties it to the user.
  if (isPublicBodyName(words.map((w) => w.text).join(" "))) return tied() ? "ORG" : null;
  // A public office title after any places ("Solicitor General", "Ohio Attorney General"): an office; its places are the names step's.
  if (endsInTitle(words)) return tied() ? "ORG" : null;
  // A weekday or holiday is public even right after a cue ("my employer pays on Friday"); an acronym or platform may be the user's.
  if (words.every(isPublicWord))
    return words.some((w) => !calendarWords().has(w.lower) && !holidayWords().has(w.lower)) && tied() ? "ORG" : null;
  if (lexicon().places.has(words.map((w) => w.lower).join(" "))) return "LOCATION";
  // At a sentence start an unknown word says "name" only in a text that is English by its own words
  // (an Italian text read with the English fallback starts its sentences with words: "Abbiamo", "Grazie").
  const unknown = words.some(
    (w) =>
      !isPublicWord(w) &&
      w.lower.length >= 3 &&
      (sentenceStart(text, w)
        ? !isDictionaryWord(w.lower) && isEnglish()
        : !isDictionaryWord(w.lower) || isRare(w.lower)),
  );
  // A given name that is also a word counts when the tagger reads it as a name mid-sentence, or at a sentence start before a verb ("Lily was").
  const namedWord =
    words.length === 1 &&
    NAME_WORDS.has(first.lower) &&
    !calendarWords().has(first.lower) &&
    (!sentenceStart(text, first) || next === "VERB" || next === "AUX");
  const listed = words.some((w) => isFirstName(w.lower) || isLastName(w.lower));
  const orgSlot = () => inOrganisationSlot(text, first.start, (words[words.length - 1] as Word).end);
  if (unknown || namedWord || listed) return words.some((w) => ORG_WORDS.has(w.lower)) || orgSlot() ? "ORG" : "PERSON";
  // A run of dictionary words that the text calls an organisation ("Coden is a design agency") is that organisation's name.
  return tied() || orgSlot() ? "ORG" : null;
}

/**
 * Not a text in another language read with the English fallback: at least half of its lowercase
 * words are English or en/de/fr vocabulary. Capitals say nothing here (an address block or a list
 * of names has few lowercase words and is not foreign for that).
 */
function notForeign(tokens: Token[]): boolean {
  return mostlyEnglish(tokens.filter((t) => !t.capitalized));
}

/** `tokens`: the paragraph's words (nameTokens), to tell whether it is English by its own words, not only by the locale's fallback. */
export function taggedNames(
  text: string,
  tokens: Token[],
  language: string,
  tags: () => readonly TaggedWord[] = lazyTags(text),
): Span[] {
  if (language !== "en") return [];
  let english: boolean | undefined;
  const isEnglish = () => (english ??= notForeign(tokens));
  const spans: Span[] = [];
  for (const { words, next } of propnRuns(text, tags())) {
    const type = classify(text, words, next, isEnglish);
    if (type) spans.push({ start: (words[0] as Word).start, end: (words[words.length - 1] as Word).end, type });
  }
  return spans;
}
