import { PLACEHOLDER, type Detection } from "../../privacy";
import { foldWord, isCommonWord, isVeryCommonWord } from "../../privacy/commonWords";
import { everydayWordMatchesAt } from "../../privacy/matchTerms";
import { calendarWords } from "../../privacy/names/calendarWords";
import { isMonthName } from "../../privacy/names/monthNames";
import { GREETING, PUBLIC_NAMES } from "../../privacy/names/nameTokens";
import { stopWords } from "../../privacy/names/stopWords";
import { isKnownWord, isKnownCapitalised } from "./isKnownWord";
import { isGivenNameWord, isNamePartWord, isProperNounShaped, isPublicWord, isTitle } from "./nameWords";
import { isCommunicationWord } from "./communicationWords";
import { isGreetingName, isRelationName, isSpeakerName } from "./cuedNames";
import { isInHolidayName } from "./holidayNames";
import { isSpellingWord } from "../../privacy/spellingVocabulary";
import type { PublicWordList, RoutingRules, UnclassifiedKind } from "./routingRules";

export type { UnclassifiedKind };

export interface UnclassifiedToken {
  kind: UnclassifiedKind;
  start: number;
  end: number;
  /** The token as written (a private value: never put it in a reason or a log). */
  text: string;
}

const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu;
// French (and English "o'") elided articles and pronouns before a capital: d'Anaïs, l'Hôpital, qu'Élodie.
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\p{Lu})/iu;
// An ordinal or a unit stuck to a number is ordinary text: 1st, 2nd, 3e, 10ème, 5kg, 30min.
const ORDINAL_OR_UNIT = /^\d+(?:st|nd|rd|th|e|er|ère|ème|te|ten|kg|g|km|m|cm|mm|h|min|s|l|ml|am|pm)$/iu;

/**
 * Tokens of `text` that no detection covers and that the engine could not classify (issue #16):
 * a capitalised word that is neither sentence-initial nor in the language's vocabulary (English:
 * word-list; German and French: Hunspell dictionaries), a lowercase word outside the vocabulary
 * (English and German), a run in a non-Latin script, a digit string of `minUntypedDigits`+
 * digits that is neither a year nor a day next to a month name, and a code mixing letters and
 * digits (usernames, references). Pure: reads only its arguments and bundled word lists.
 */
export function findUnclassified(
  text: string,
  detections: readonly Detection[],
  language: string,
  rules: RoutingRules,
): UnclassifiedToken[] {
  const covered = coverage(text, detections);
  const found: UnclassifiedToken[] = [];
  const capitalised: Capitalised[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const elision = ELISION.exec(match[0])?.[0].length ?? 0;
    const start = match.index + elision;
    const token = match[0]
      .slice(elision)
      .replace(/['’]s$/u, "")
      .replace(/[-_'’]+$/u, "");
    if (token === "" || isCovered(covered, start, start + token.length)) continue;
    const kind = classify(token, text, start, language, rules) ?? lowercaseKind(token, text, start, language, rules);
    const item = { kind, start, end: start + token.length, text: token };
    if (kind && rules.checkedKinds.includes(kind)) found.push({ ...item, kind });
    if (isRunWord(token, rules)) capitalised.push(item);
  }
  if (!rules.checkedKinds.includes("capitalised-run") || !rules.capitalisedRunLanguages.includes(language))
    return found;
  const runs = capitalisedRuns(text, capitalised);
  // A run is one item, masked whole: its name-part and capitalised words need no mask of their own.
  const inRun = (t: UnclassifiedToken) =>
    (t.kind === "name-part-word" || t.kind === "capitalised-word") &&
    runs.some((r) => r.start <= t.start && t.end <= r.end);
  return [...found.filter((t) => !inRun(t)), ...runs].sort((a, b) => a.start - b.start);
}

/** The public word lists whose words end a run of capitalised words (round 9's lists do not). */
const RUN_BREAKERS: readonly PublicWordList[] = ["titles", "holidays"];

interface Capitalised {
  kind: UnclassifiedKind | null;
  start: number;
  end: number;
  text: string;
}

/**
 * A capitalised word that may be part of a proper name: not an acronym, title, holiday, weekday,
 * month or platform. A kinship word or public noun is public alone but not inside a run, where it
 * is part of the name ("the Public Data Explorer", "the Bible Study Circle").
 */
function isRunWord(token: string, rules: RoutingRules): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(token) || isPublicWord(token, rules, RUN_BREAKERS)) return false;
  const folded = foldWord(token);
  return !calendarWords().has(folded) && !PUBLIC_NAMES.has(folded);
}

/**
 * Two or more capitalised words in a row, one space apart, starting mid-sentence, that the engine
 * typed as nothing: the shape of an organisation's or a person's name written with dictionary
 * words ("the Clean Power Finance office", "at Walk Score"). Each run is one `capitalised-run`
 * token, the whole run, when a word of it no other kind took. A run at a sentence or line start
 * is left alone: there the first capital is the sentence's, and headings are in title case.
 */
function capitalisedRuns(text: string, words: readonly Capitalised[]): UnclassifiedToken[] {
  const found: UnclassifiedToken[] = [];
  let run: Capitalised[] = [];
  const flush = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last && run.length >= 2 && !isSentenceStart(text, first.start) && run.some((w) => w.kind === null))
      found.push({
        kind: "capitalised-run",
        start: first.start,
        end: last.end,
        text: text.slice(first.start, last.end),
      });
    run = [];
  };
  for (const word of words) {
    const last = run[run.length - 1];
    if (last && text.slice(last.end, word.start) !== " ") flush();
    run.push(word);
  }
  flush();
  return found;
}

function classify(
  token: string,
  text: string,
  start: number,
  language: string,
  rules: RoutingRules,
): UnclassifiedKind | null {
  if (/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(token)) return "non-latin";
  const digits = token.replace(/\D/g, "").length;
  const letters = token.replace(/[^\p{L}]/gu, "").length;
  // A statute's section number ("§ 556 BGB", "§ 573c") is public law, not someone's number.
  if (digits > 0 && /§\s?$/u.test(text.slice(Math.max(0, start - 2), start))) return null;
  if (digits > 0 && letters > 0) return ORDINAL_OR_UNIT.test(token) ? null : "code";
  // An amount is the user's finances at any size: "€85", "85 $" (\p{Sc}: any currency sign).
  if (digits > 0 && nextToCurrency(text, start, token.length)) return "amount";
  if (digits >= rules.minUntypedDigits && !isYear(token, rules) && !isDayOfMonth(token, text, start, language))
    return "untyped-digits";
  if (!/^\p{Lu}/u.test(token) || isPublicWord(token, rules)) return null;
  // A word of a whole holiday name written out ("Boxing" of "Boxing Day"): part of the list `holidays`.
  if (rules.publicWordLists.includes("holidays") && isInHolidayName(text, start, token)) return null;
  if (afterTitle(text, start)) return "after-title";
  const cued = cuedName(token, text, start, language, rules);
  if (cued) return cued;
  if (isSentenceStart(text, start))
    return isSpeaker(token, text, start, language, rules) ? maskableOrLocal(token, text, start, "speaker-name") : null;
  if (rules.givenNameLanguages.includes(language) && isGivenNameWord(token)) return "given-name-word";
  if (isUnknownCapitalised(token, language, rules)) return "unknown-capitalised";
  if (!rules.namePartLanguages.includes(language) || afterCapitalised(text, start)) return null;
  if (isNamePartWord(token)) return "name-part-word";
  if (rules.capitalisedWordLanguages.includes(language) && isProperNounShaped(token)) return "capitalised-word";
  return null;
}

/**
 * Right after one of the engine's titles (its `TITLE` list, inflected forms such as "Herrn"
 * included), with or without a dot ("Frau Dr. Stadler": both are titles, so "Stadler" follows one).
 */
function afterTitle(text: string, start: number): boolean {
  const previous = /(\p{L}+)\.?\s+$/u.exec(text.slice(Math.max(0, start - 24), start))?.[1];
  return previous !== undefined && isTitle(previous);
}

/**
 * Right after a capitalised word of two or more letters, one space between: inside a title-case
 * run ("Baker Street" at a sentence start, a heading), which `capitalised-run` judges as a whole.
 * A capitalised function word, greeting or title is no such run ("I'm Misty's daughter", "Dear
 * Baker", "Mrs Baker"); an initial neither ("L Key").
 */
function afterCapitalised(text: string, start: number): boolean {
  const previous = /(\p{Lu}[\p{L}\p{M}'’-]+)\s$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  if (previous === undefined) return false;
  const folded = foldWord(previous.split(/['’]/u)[0] ?? "");
  return !stopWords().has(folded) && !GREETING.test(folded) && !isTitle(previous);
}

function nextToCurrency(text: string, start: number, length: number): boolean {
  return (
    /\p{Sc}\s?$/u.test(text.slice(Math.max(0, start - 2), start)) ||
    /^[.,]?\d*\s?\p{Sc}/u.test(text.slice(start + length, start + length + 4))
  );
}

function lowercaseKind(
  token: string,
  text: string,
  start: number,
  language: string,
  rules: RoutingRules,
): UnclassifiedKind | null {
  if (!/^\p{Ll}+$/u.test(token)) return null;
  const cued = cuedName(token, text, start, language, rules);
  if (cued) return cued;
  if (isAddressee(token, text, start, language, rules)) return "addressee";
  return isRareLowercase(token, language) ? "unknown-lowercase" : null;
}

/**
 * A name its context announces although it is an ordinary word, in any case (cuedNames.ts):
 * after a relation noun ("my friend mark"), in a greeting or a sign-off ("Hi tom,", "Best, Will").
 * Checked before the sentence-start exemption: a signature's name starts its line.
 */
function cuedName(
  token: string,
  text: string,
  start: number,
  language: string,
  rules: RoutingRules,
): UnclassifiedKind | null {
  if (!rules.cuedNameLanguages.includes(language)) return null;
  if (isRelationName(token, text, start)) return maskableOrLocal(token, text, start, "relation-name");
  return isGreetingName(token, text, start) ? maskableOrLocal(token, text, start, "greeting-name") : null;
}

/**
 * `kind` when the vault would replace the token where it stands; else `given-name-word`, which
 * keeps the message on the device. The vault replaces an everyday word ("will") only capitalised
 * mid-sentence (matchTerms), so "Will called…" or a signature's "Will" on its own line would
 * leave as written if it were only masked.
 */
function maskableOrLocal(token: string, text: string, start: number, kind: UnclassifiedKind): UnclassifiedKind {
  return isVeryCommonWord(foldWord(token)) && !everydayWordMatchesAt(text, start) ? "given-name-word" : kind;
}

/** A sentence-initial given name that is a word, before a verb of speech or thought: "Rose said". */
function isSpeaker(token: string, text: string, start: number, language: string, rules: RoutingRules): boolean {
  return rules.speakerNameLanguages.includes(language) && isSpeakerName(token, text, start, rules.speakerVerbs);
}

/**
 * A lowercase given name right after a verb or noun of communication, directly or through a
 * preposition: "tell mark that…", "a message to lily" (routingRules.addresseeCues). The names
 * step types lowercase names only where its tagger reads a noun; here the sentence says whom.
 */
function isAddressee(token: string, text: string, start: number, language: string, rules: RoutingRules): boolean {
  const prepositions = rules.addresseePrepositions[language];
  if (!prepositions || !isGivenNameWord(token)) return false;
  // The two words right before the token, only spaces between ("a message to lily" → "message", "to").
  const [, twoBack, previous] = (
    /(?:([\p{L}'’]+)\s+)?([\p{L}'’]+)\s+$/u.exec(text.slice(Math.max(0, start - 40), start)) ?? []
  ).map((w) => w?.toLowerCase());
  const cue = (w: string | undefined) => w !== undefined && rules.addresseeCues.some((f) => isCommunicationWord(w, f));
  return cue(previous) || (previous !== undefined && prepositions.includes(previous) && cue(twoBack));
}

/**
 * A lowercase word of 3+ letters outside the language's vocabulary: a name typed in lowercase
 * ("tell oyelaran…"), a username, a rare term. English: word-list and the engine's lists; German:
 * the Hunspell dictionary with its suffix rules expanded (conjugations included). French is left
 * out: its dictionary is read without affix expansion, so every conjugated verb would count.
 */
function isRareLowercase(token: string, language: string): boolean {
  if (!/^\p{Ll}{3,}$/u.test(token)) return false;
  if (language === "en") return !isKnownWord(token);
  return language === "de" && !isCommonWord(token) && !isSpellingWord(token, language);
}

/**
 * A day number next to a month name is a date, not an untyped number: "zum 30. Juni", "le 15
 * mars", "June 30th", "30 June". Month names come from Intl (CLDR), in the message's language.
 */
function isDayOfMonth(token: string, text: string, start: number, language: string): boolean {
  const day = Number(token);
  if (!/^\d{1,2}$/.test(token) || day < 1 || day > 31) return false;
  const after = /^(?:\.|st|nd|rd|th|er)?\s+(\p{L}+)/u.exec(
    text.slice(start + token.length, start + token.length + 16),
  )?.[1];
  const before = /(\p{L}+)\.?\s+$/u.exec(text.slice(Math.max(0, start - 16), start))?.[1];
  return [after, before].some((w) => w !== undefined && isMonthName(w, language));
}

function isYear(token: string, rules: RoutingRules): boolean {
  const value = Number(token);
  return /^\d{4}$/.test(token) && value >= rules.yearRange[0] && value <= rules.yearRange[1];
}

/** A capitalised word (not sentence-initial) in none of the language's vocabularies. */
function isUnknownCapitalised(token: string, language: string, rules: RoutingRules): boolean {
  if (token === token.toUpperCase() && token.length <= rules.maxAcronymLength) return false;
  return (
    !isKnownCapitalised(token, language) &&
    !token.split(/[-'’]/u).every((part) => part === "" || isKnownCapitalised(part, language))
  );
}

/** At the start of the text, a line, or a sentence (after . ! ? : or an opening quote there). */
function isSentenceStart(text: string, start: number): boolean {
  const before = text.slice(0, start).replace(/["'“‘«(\s]+$/u, "");
  return before === "" || /[.!?:\n]$/u.test(before) || /\n\s*$/u.test(text.slice(0, start));
}

function coverage(text: string, detections: readonly Detection[]): boolean[] {
  const covered = new Array<boolean>(text.length).fill(false);
  const mark = (start: number, end: number) => {
    for (let i = start; i < end && i < text.length; i++) covered[i] = true;
  };
  for (const d of detections) mark(d.start, d.end);
  for (const m of text.matchAll(PLACEHOLDER)) mark(m.index, m.index + m[0].length);
  return covered;
}

function isCovered(covered: readonly boolean[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!covered[i]) return false;
  return true;
}
