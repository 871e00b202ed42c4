import type { PrivateType } from "../types";
import type { Span } from "../recognizers/Recognizer";
import { foldWord, isFrequentEnglishWord, isVocabularyWord } from "../commonWords";
import { isEnglishWord } from "./englishWords";
import { isFieldLabel } from "./fieldLabel";
import { isFrenchOrdinaryWord } from "./frenchOrdinaryWords";
import { holidayWords } from "./holidayWords";
import { lexicon } from "./lexicon";
import { isListedPublicAcronym } from "./lexiconTerms";
import { isPublicBodyName } from "./publicBodies";
import { publicOfficeSpans, titleOfBefore } from "./publicOffice";
import { isFrenchOfficeTitle } from "./frenchRoleNouns";
import { isStopWord } from "./stopWords";
import { tiedToUser } from "./userTies";
import { lazyTags, posAt, type TaggedWord } from "./winkTagger";
import {
  isFirstName,
  isLastName,
  isListedOrdinary,
  isNameLike,
  isOrdinary,
  NAME_WORDS,
  PUBLIC_NAMES,
  TITLE,
  CONTRACTION,
  GREETING,
  type Token,
} from "./nameTokens";

/**
 * Proper nouns by capitalization and word lists: runs of capitalized words ("Gary Thompson",
 * "Jean-Pierre Dubois", "University of Alberta", "Siemens AG"), classified as ORG (suffix or
 * organisation word), LOCATION (place list) or PERSON (name lists or, in English, unknown
 * capitalized words mid-sentence). Lowercase names are caught only via the first-name list.
 */
const PARTICLES = new Set(
  "van von vom zu der den de du des le la di da del della dos bin ibn al el ben mac st".split(" "),
);
// Inside organisation names only: "University of Alberta", "Realschule am Lindenhof".
const ORG_CONNECTORS = new Set("of for fur and de des du la le der die das am an im auf zum zur sur en".split(" "));
// German compounds naming an institution: "Realschule", "Stadtwerken", "Tischlerei".
const ORG_COMPOUND =
  /.{3,}(?:schule|gymnasium|kita|kindergarten|klinik|klinikum|praxis|kanzlei|erei|werkstatt|apotheke|werke|werken|kasse|versicherung|bank|verein|zentrum|amt)$/;
const ORG_SUFFIXES = new Set(
  "gmbh ag ltd limited inc llc llp plc sarl sa sas sasu eurl corp corporation co kg ohg ug se nv bv ab oy as asa spa srl group gruppe groupe holding holdings".split(
    " ",
  ),
);
/** Kinds of institution a person goes to or belongs to: "the pharmacy", "école des Acacias". */
export const INSTITUTION_WORDS = new Set(
  "pharmacy pharmacie apotheke bakery restaurant cafe hotel shop store garage salon surgery dental practice cabinet kita kindergarten creche daycare nursery bank banque university universitat universite college school schule ecole lycee gymnasium academy akademie hospital klinik klinikum clinic clinique hopital krankenhaus praxis institute institut insurance versicherung assurance assurances foundation stiftung fondation association verein ministry ministerium ministere agency agentur agence council club society gesellschaft societe cooperative genossenschaft sparkasse volksbank stadtwerke finanzamt jobcenter amt kanzlei mairie prefecture".split(
    " ",
  ),
);
/**
 * Words that end a company's name ("Northwind Capital", "Nova Media"); written lowercase they are
 * common nouns ("the capital of France", "the media of Germany"), unlike an institution's kind.
 */
const COMPANY_NAME_WORDS = new Set(
  "company compagnie corporation technologies technology systems solutions consulting partners capital airlines airways motors labs software services pharma energy media studios".split(
    " ",
  ),
);
export const ORG_WORDS = new Set([...INSTITUTION_WORDS, ...COMPANY_NAME_WORDS]);
const WORDS_BEFORE_PLACES = new Set(
  "in from near to nach aus bei im a en au aux vers pres live lives living moved born".split(" "),
);
const WORDS_BEFORE_ORGS = new Set("at for with joined by fur bei chez pour".split(" "));

function isOrgWord(t: Token): boolean {
  return ORG_WORDS.has(t.lower) || ORG_SUFFIXES.has(t.lower) || (t.capitalized && ORG_COMPOUND.test(t.lower));
}

const FIRST_PERSON_CONTRACTION = /^I['’](?:m|ll|ve|d)$/;

interface Run {
  tokens: Token[];
  hasOrgWord: boolean;
}

/** Groups capitalized tokens separated by single spaces (particles and connectors allowed inside). */
function runs(text: string, tokens: Token[]): Run[] {
  const out: Run[] = [];
  let cur: Token[] = [];
  const flush = () => {
    while (cur.length && !(cur[cur.length - 1] as Token).capitalized) cur.pop();
    if (cur.length) out.push({ tokens: cur, hasOrgWord: cur.some(isOrgWord) });
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = cur[cur.length - 1];
    const gap = prev ? text.slice(prev.end, t.start) : "";
    // "Janka M. Szász": an initial's full stop does not end the name.
    const joined =
      prev &&
      (/^[ \u00a0]$|^ & $/.test(gap) || (prev.text.length === 1 && /^\.[ \u00a0]$/.test(gap))) &&
      !t.sentenceStart;
    // "Charles de Gaulle" (a particle after a first name) or "Bank of …" (a connector in an organisation).
    const particle = PARTICLES.has(t.lower) && !!prev && isFirstName(prev.lower);
    const connector = ORG_CONNECTORS.has(t.lower) && cur.some(isOrgWord);
    const inner = !t.capitalized && (particle || connector) && (tokens[i + 1]?.capitalized ?? false);
    if (prev && !joined) flush();
    // "M." is Monsieur before a name, an initial inside one ("Janka M. Szász").
    // "I'm", "I'll", "I've", "I'd" are the writer, never part of a name ("Hi, I'm Tadgh").
    if (FIRST_PERSON_CONTRACTION.test(t.text)) flush();
    else if (TITLE.test(t.lower) || (t.lower === "m" && text[t.end] === "." && cur.length === 0)) flush();
    else if (t.capitalized || (cur.length > 0 && inner)) cur.push(t);
    else flush();
  }
  flush();
  return out.flatMap(splitAtConnectors);
}

/** "Kubernetes and Python" is two things; "University of Alberta" (an organisation) is one. */
function splitAtConnectors(run: Run): Run[] {
  if (run.hasOrgWord) return [run];
  const parts: Run[] = [];
  let cur: Token[] = [];
  for (const t of run.tokens) {
    if (!t.capitalized && !PARTICLES.has(t.lower)) {
      if (cur.length) parts.push({ tokens: cur, hasOrgWord: false });
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) parts.push({ tokens: cur, hasOrgWord: false });
  return parts;
}

interface Paragraph {
  language: string;
  /** English by its own words, not only by the locale's fallback (a Spanish or Russian text is not); asked only when needed. */
  english: () => boolean;
  /** Words that also occur in lowercase in this paragraph: ordinary words, not names. */
  lowercaseWords: Set<string>;
}

// What a person does: "Tomomi is from …", "Asya spent a year …", "Halldór: What …".
const PERSON_VERBS = new Set(
  "is was has had will would can could said says spent lives lived works worked went got shouted told asked wants wanted likes loves met called wrote joined left became thinks knows ist hat war wohnt arbeitet sagt est a habite travaille dit".split(
    " ",
  ),
);

/** A lone unknown capitalized word at a sentence start is a name if a person-verb or a colon follows. */
function startsLikeName(text: string, last: Token, after: Token | undefined): boolean {
  const gap = after ? text.slice(last.end, after.start) : text.slice(last.end);
  if (/^:\s/.test(gap) || /^,\s*(?:can|could|would|will|please)\b/i.test(text.slice(last.end, last.end + 20)))
    return true;
  return !!after && /^[ \u00a0]$/.test(gap) && PERSON_VERBS.has(after.lower);
}

/**
 * Not an ordinary word: not in the word lists, not written lowercase elsewhere in the
 * paragraph, not an acronym; an English dictionary word only if it is also a listed surname.
 */
function isUnknownWord(t: Token, paragraph: Paragraph, dictionary = true): boolean {
  // With the English dictionary at hand, a word's ending ("-sion", "-tion") is no reason to call it ordinary ("Exversion").
  const ordinary = dictionary && paragraph.language === "en" ? isListedOrdinary(t.lower) : isOrdinary(t.lower);
  if (ordinary || paragraph.lowercaseWords.has(t.lower) || /^\p{Lu}{1,5}$/u.test(t.text)) return false;
  if (!dictionary || isLastName(t.lower)) return true;
  return !isEnglishWord(t.lower) && !(t.lower.endsWith("s") && isEnglishWord(t.lower.slice(0, -1)));
}

/**
 * At an English sentence start capitals say nothing, but a word that no list knows at all — not
 * the English dictionary, not the en/de/fr frequency lists — is still most likely a name
 * ("Järvilehto began …", "Irecycle" heading a line).
 */
function isForeignToEnglish(t: Token, paragraph: Paragraph): boolean {
  // Contractions ("I'll", "They're", "C'mon") are no dictionary entries but ordinary words.
  if (CONTRACTION.test(t.text)) return false;
  if (paragraph.language !== "en" || t.text.length < 4 || !/^[\p{Script=Latin}'’-]+$/u.test(t.text)) return false;
  return (
    isUnknownWord(t, paragraph) && !isVocabularyWord(t.lower) && !holidayWords().has(t.lower) && paragraph.english()
  );
}

/**
 * Capitalized dictionary words still name something mid-sentence when the context says so
 * ("at Airbus", "in Riverside") or when several stand together ("Cape Cod", "Burger King").
 */
function namedByContext(words: Token[], before: Token | undefined, paragraph: Paragraph): boolean {
  if ((words[0] as Token).sentenceStart) return false;
  const loose = words.filter((t) => isUnknownWord(t, paragraph, false)).length;
  const context = !!before && (WORDS_BEFORE_ORGS.has(before.lower) || WORDS_BEFORE_PLACES.has(before.lower));
  return (context && loose > 0) || (words.length >= 2 && loose === words.length);
}

function classify(
  run: Run,
  before: Token | undefined,
  paragraph: Paragraph,
  after: { token: Token | undefined; text: string },
): PrivateType | null {
  const words = run.tokens.filter((t) => t.capitalized);
  const first0 = words[0] as Token;
  const phrase = run.tokens.map((t) => t.lower).join(" ");
  const lex = lexicon();
  // Public software, platforms and holidays ("Christmas", "Tag der Deutschen Einheit") are nobody's data.
  if (words.every((t) => PUBLIC_NAMES.has(t.lower) || holidayWords().has(t.lower))) return null;
  // A public body ("Medicare", "FEMA", "NHS") is the user's only where the text says so.
  if (
    isPublicBodyName(run.tokens.map((t) => t.text).join(" ")) ||
    (words.length === 1 && isListedPublicAcronym(first0))
  )
    return tiedToUser(after.text, (words[0] as Token).start) ? "ORG" : null;
  if (lex.orgs.has(phrase)) return "ORG";
  // An institution word alone ("Schule", "Bank") is not a name; with a name it is ("Kita Sonnenblume").
  if (run.hasOrgWord) return words.length > 1 || ORG_SUFFIXES.has((words[0] as Token).lower) ? "ORG" : null;
  if (lex.places.has(phrase)) return "LOCATION";
  const first = words[0] as Token;
  const second = words[1];
  if (
    NAME_WORDS.has(first.lower) &&
    second &&
    (!isOrdinary(second.lower) || isLastName(second.lower) || NAME_WORDS.has(second.lower))
  )
    return "PERSON";
  if (
    isFirstName(first.lower) ||
    (words.length > 1 && isLastName((words[words.length - 1] as Token).lower) && !isOrdinary(first.lower))
  )
    return "PERSON";
  const unknown = words.filter((t) => isUnknownWord(t, paragraph));
  if (unknown.length === 0 && !namedByContext(words, before, paragraph)) return null;
  // Unknown capitalized words: in English they are proper nouns; in German every noun is capitalized.
  if (paragraph.language === "de") return null;
  if (first.sentenceStart && words.length === 1) {
    if (isFieldLabel(after.text, first)) return null;
    return startsLikeName(after.text, first, after.token) || isForeignToEnglish(first, paragraph) ? "PERSON" : null;
  }
  if (before && WORDS_BEFORE_PLACES.has(before.lower) && words.length <= 3) return "LOCATION";
  if (before && WORDS_BEFORE_ORGS.has(before.lower)) return "ORG";
  return "PERSON";
}

// A determiner says a noun phrase follows: the capital of the next word is its own ("The Avalara office").
const DETERMINER = /^(?:the|a|an|this|that|these|those|our|my|your|their|his|her|its)$/;

/**
 * Drops sentence-initial ordinary words ("The", "Yesterday") and greetings from the front of a
 * run: "Dear" is an ordinary word, but "Bonjour", "Salut" are missing from the French list and
 * compromise lists "Cher" as a given name, so "Bonjour Claire Dupont" needs the greeting rule.
 */
function trimRun(run: Run, language: string): Run | null {
  const tokens = [...run.tokens];
  const keep = (t: Token, next: Token | undefined) =>
    isFirstName(t.lower) || (NAME_WORDS.has(t.lower) && !!next?.capitalized);
  const greeting = (t: Token) => GREETING.test(foldWord(t.lower));
  while (
    tokens.length &&
    (tokens[0] as Token).sentenceStart &&
    ((isOrdinary((tokens[0] as Token).lower) && !keep(tokens[0] as Token, tokens[1])) ||
      greeting(tokens[0] as Token) ||
      isFrenchOrdinaryWord((tokens[0] as Token).lower, language))
  ) {
    const dropped = tokens.shift() as Token;
    if (tokens[0]) tokens[0] = { ...(tokens[0] as Token), sentenceStart: !DETERMINER.test(dropped.lower) };
  }
  while (tokens.length && !(tokens[0] as Token).capitalized) tokens.shift();
  return tokens.length ? { tokens, hasOrgWord: run.hasOrgWord } : null;
}

/**
 * At least half the paragraph's words are English dictionary words or en/de/fr vocabulary: a
 * longer Italian or Spanish text read with the English fallback is not. (Short Spanish sentences
 * still pass: the English word list holds "con", "el", "dos".)
 */
export function mostlyEnglish(tokens: readonly Token[]): boolean {
  // Counted word by word, stopped as soon as the rest cannot change the answer: the dictionary
  // lookups (a 274k-word Set, ~0.2 µs each) were a third of the names rules' time.
  const needed = tokens.length * 0.5;
  let english = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (english >= needed) return true;
    if (english + (tokens.length - i) < needed) return false;
    const lower = (tokens[i] as Token).lower;
    if (isEnglishWord(lower) || isVocabularyWord(lower)) english++;
  }
  return english >= needed;
}

/** `tags`: the paragraph's part-of-speech tags, computed once per paragraph by the caller when it has them. */
export function properNouns(
  text: string,
  tokens: Token[],
  language: string,
  tags: () => readonly TaggedWord[] = lazyTags(text),
): Span[] {
  const spans: Span[] = [];
  let english: boolean | undefined;
  const paragraph: Paragraph = {
    language,
    english: () => (english ??= language === "en" && mostlyEnglish(tokens)),
    lowercaseWords: new Set(tokens.filter((t) => !t.capitalized).map((t) => t.lower)),
  };
  const index = new Map(tokens.map((t, i) => [t, i]));
  for (const raw of runs(text, tokens)) {
    const run = trimRun(raw, language);
    if (!run) continue;
    const firstToken = run.tokens[0] as Token;
    const before = tokens[(index.get(firstToken) ?? 0) - 1];
    const lastToken = run.tokens[run.tokens.length - 1] as Token;
    // A public office ("Finanzamt Heidelberg", "Springfield City Council"): its places only, unless tied to the user.
    // After "<office title> of" the run is that office's seat and body ("Chief Constable of Kent Police"): read them as one.
    const titleAt = titleOfBefore(tokens, index.get(firstToken) ?? 0);
    const office = publicOfficeSpans(
      titleAt < 0 ? run.tokens : [...tokens.slice(titleAt, index.get(firstToken)), ...run.tokens],
      text,
    );
    if (office) {
      spans.push(...office);
      continue;
    }
    // A French office by its title and remit ("le Défenseur des droits"): the user's only where the text ties it to them.
    if (language === "fr" && run.tokens.length === 1 && isFrenchOfficeTitle(firstToken, text)) {
      if (tiedToUser(text, firstToken.start)) spans.push({ start: firstToken.start, end: firstToken.end, type: "ORG" });
      continue;
    }
    const type = classify(run, before, paragraph, { token: tokens[(index.get(lastToken) ?? -2) + 1], text });
    if (type) spans.push({ start: firstToken.start, end: (run.tokens[run.tokens.length - 1] as Token).end, type });
  }
  return [...spans, ...lowercaseNames(text, tokens, language, tags)];
}

/** "met john smith", "ask sarah": a known first name in lowercase, plus a surname-like next word. */
function lowercaseNames(text: string, tokens: Token[], language: string, tags: () => readonly TaggedWord[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.capitalized || t.text.length < 3 || !isFirstName(t.lower) || isFrenchOrdinaryWord(t.lower, language))
      continue;
    const next = tokens[i + 1];
    // A pronoun or other function word is grammar in lowercase ("à toi"), unless a surname follows.
    if (isStopWord(t.lower) && !(next && !next.capitalized && isLastName(next.lower))) continue;
    // "mark", "jack", "john" are frequent English words too: a name in lowercase only before a surname.
    if (isFrequentEnglishWord(t.lower) && !(next && !next.capitalized && isLastName(next.lower))) continue;
    // A rarer dictionary word ("skip", "chase") is a name only where English grammar allows one: not
    // as the verb, adjective or adverb the tagger reads ("has to skip training", "please chase it").
    if (
      language === "en" &&
      isEnglishWord(t.lower) &&
      !(next && !next.capitalized && isLastName(next.lower)) &&
      !taggedAsNoun(t, tags())
    )
      continue;
    // In German only a listed surname extends it: lowercase chat there is full of nouns and verbs the
    // English word lists do not know ("ina sagen"); in English an unknown next word is a surname.
    // "benjamin a seiler", "eric g. samoylova": a middle initial between first name and surname.
    const initial =
      next &&
      /^\p{Ll}$/u.test(next.text) &&
      /^\.?[ \u00a0]$/.test(text.slice(next.end, tokens[i + 2]?.start ?? next.end))
        ? next
        : undefined;
    const last = initial ? tokens[i + 2] : next;
    const surnameLike = last && (isLastName(last.lower) || (language !== "de" && isNameLike(last)));
    const withSurname = last && !last.capitalized && next && next.start - t.end === 1 && surnameLike;
    spans.push({ start: t.start, end: withSurname ? last.end : t.end, type: "PERSON" });
    if (withSurname) i += initial ? 2 : 1;
  }
  return spans;
}

/** The tagger reads the token as a noun or proper noun (a name's part of speech). */
function taggedAsNoun(t: Token, tags: readonly TaggedWord[]): boolean {
  const pos = posAt(tags, t.start, t.end);
  return pos === undefined || pos === "PROPN" || pos === "NOUN";
}
