import { isCommonWord } from "../commonWords";
import { isEnglishWord } from "./englishWords";
import { lexicon } from "./lexicon";

/** A word of the text with its offsets. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  capitalized: boolean;
  /** First word of a sentence, line or quote, where capitals say nothing about names. */
  sentenceStart: boolean;
}

// Letters glued to digits ("DE89", "A4", "3rd") are codes, not words.
const WORD = /(?<![\p{N}])\p{L}[\p{L}\p{M}'’-]*(?<!['’-])(?![\p{N}])/gu;

const ABBREVIATION = /^(?:mr|mrs|ms|dr|prof|st|m|mme|mlle|jr|sr|no|nr|vs|etc|hr|fr|str|ca|bzw|z|b|u|a)$/;

/** "Dr. Braitberg": the period after a title does not start a sentence. */
function afterAbbreviation(tokens: Token[], gap: string): boolean {
  const prev = tokens[tokens.length - 1];
  return !!prev && /^\.\s+$/.test(gap) && (ABBREVIATION.test(prev.lower) || prev.text.length === 1);
}

/** Titles before names; never part of the name itself. */
export const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|herrn|frau|mme|mlle|monsieur|madame|docteur|maitre)$/;

/** Greetings before names (folded: "chère" → "chere"); like titles, never part of the name itself. */
export const GREETING =
  /^(?:dear|hi|hello|hey|hallo|liebe|lieber|liebes|servus|moin|bonjour|bonsoir|salut|coucou|cher|chere|chers)$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    // Same as replace(/['’]s$/u, ""), without a regular expression per word.
    const word = m[0].endsWith("'s") || m[0].endsWith("’s") ? m[0].slice(0, -2) : m[0];
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      capitalized: startsUppercase(word),
      sentenceStart:
        tokens.length === 0 ||
        // Most gaps are one space, which the pattern never matches: tested without cutting the gap out.
        (!(start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32) &&
          gapEndsSentence(tokens, text.slice(prevEnd, start))),
    });
    prevEnd = start + m[0].length;
  }
  return tokens;
}

function gapEndsSentence(tokens: Token[], gap: string): boolean {
  return /[.!?:;\n"“«(\-–•*>]\s*$|^\s*\d+[.)]\s*$/u.test(gap) && !afterAbbreviation(tokens, gap);
}

/** /^\p{Lu}/u, answered from the character code for ASCII letters (most words). */
function startsUppercase(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 0x41 && code <= 0x5a) return true;
  if (code >= 0x61 && code <= 0x7a) return false;
  return /^\p{Lu}/u.test(word);
}

/**
 * Ordinary words that are also given names. Capitalized and followed by a capitalized name
 * part they are a name ("Hope Whitfield", "Will Harrington"); alone they are not.
 */
export const NAME_WORDS = new Set(
  (
    "will mark frank rose lily hope grace joy faith iris daisy ivy holly hazel ruby pearl amber crystal dawn eve summer april may june " +
    "august bill sue pat rob drew guy jack jean ray don grant lance miles max dean hunter earl sandy sunny rusty gene chase sterling"
  ).split(" "),
);

/** Plausibly a given name: in a name list, not an ordinary word. */
export function isFirstName(lower: string): boolean {
  const lex = lexicon();
  return lex.firstNames.has(lower) && !isCommonWord(lower) && !lex.ordinary.has(lower);
}

export function isLastName(lower: string): boolean {
  return lexicon().lastNames.has(lower) && !isCommonWord(lower);
}

// Endings of English/French/German common nouns and adjectives that names practically never have.
const COMMON_ENDING =
  /(?:tion|sion|ment|ance|ence|ity|ness|ship|ism|ology|ics|ive|ous|able|ible|ful|less|ware|ung|heit|keit|schaft|isme)$/;

/** Proper nouns of software and platforms that are public, not anyone's private data. */
export const PUBLIC_NAMES = new Set(
  (
    "python java javascript typescript kotlin swift rust golang php ruby perl scala haskell sql mysql postgresql sqlite html css json xml yaml " +
    "kubernetes docker linux ubuntu debian windows macos ios android excel powerpoint outlook chatgpt gpt openai claude gemini llama " +
    "react angular vue node nodejs npm git github gitlab aws azure wordpress photoshop zoom slack whatsapp instagram facebook linkedin " +
    "twitter youtube tiktok reddit wikipedia bluetooth wifi usb pdf ai ml api ui ux seo faq ceo cto cfo hr it tandem " +
    "markdown latex english german french spanish italian deutsch anglais francais englisch franzosisch"
  ).split(" "),
);

/** Listed as ordinary: known to compromise as a non-name, in our common-word list, or a public name. */
export function isListedOrdinary(lower: string): boolean {
  if (isCommonWord(lower) || lexicon().ordinary.has(lower) || PUBLIC_NAMES.has(lower)) return true;
  // A contraction is as ordinary as its first word ("I'm", "don't", "you're"); the lists hold no contractions.
  const stem = CONTRACTED.exec(lower)?.[1];
  return stem !== undefined && isCommonWord(stem);
}

// Contractions of pronouns and auxiliaries; a possessive "'s" is not one ("Anna's" stays a name).
const CONTRACTED = /^(\p{L}+?)(?:n['’]t|['’](?:m|re|ve|ll|d))$/u;

/** Any English contraction or possessive ending ("I'll", "They're", "C'mon", "Anna's"): such a token is no dictionary entry. */
export const CONTRACTION = /['’](?:ll|ve|re|s|d|m|t|mon)$/i;

/** An ordinary word: listed as one, or shaped like one. */
export function isOrdinary(lower: string): boolean {
  return isListedOrdinary(lower) || (lower.length > 5 && COMMON_ENDING.test(lower));
}

/** Could be part of a name when written lowercase in chat ("met john smith"). */
export function isNameLike(token: Token): boolean {
  return (
    token.text.length >= 2 &&
    !isOrdinary(token.lower) &&
    !isEnglishWord(token.lower) &&
    /^\p{L}+(?:[-'’]\p{L}+)*$/u.test(token.text)
  );
}
