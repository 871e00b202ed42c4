import nlp from "compromise";
import { foldWord } from "../../privacy/commonWords";
import { RELATION, SIGN_OFF } from "../../privacy/names/contextNames";
import { GREETING } from "../../privacy/names/nameTokens";
import { stopWords } from "../../privacy/names/stopWords";
import { isGivenNameWord, isListedNamePart, isTitle } from "./nameWords";
import { isCommunicationWord, type LexFile } from "./communicationWords";
import { isDocumentWord } from "./publicNouns";

/**
 * Names the context announces although every word of them is an ordinary word, in any case and
 * in en/de/fr (issue #16, round 8): after a relation noun ("my friend mark", "meiner Schwester
 * rose"), in a greeting line ("Hi tom,", "Dear Rose,") and in a sign-off ("Best, Will",
 * "Cheers,\nGrace", "Liebe Grüße, Anna"). The cue words are the names step's own lists
 * (`RELATION`, `GREETING`, `SIGN_OFF`), so the engine and Auto read one list; the name must be a
 * given name or name part of the engine's lists (compromise, de/fr given names,
 * @cspell/dict-people-names), never a function word or an auxiliary ("my son will call").
 */

const WORD_BEFORE = /([\p{L}'’-]+)[ \t]+$/u;

/**
 * A capitalised given name that is also a word, starting a sentence, right before a verb of
 * speech or thought ("Rose said", "Will called", "Hope thinks"): the verb's infinitive (compromise)
 * has its commonest WordNet sense in one of `verbFiles`. Not "Will you…", "Grace period".
 */
export function isSpeakerName(token: string, text: string, start: number, verbFiles: readonly LexFile[]): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(token) || !isGivenNameWord(token)) return false;
  const after = /^[ \t]+(\p{Ll}+)\b[ \t]*(\p{L}+|:)?/u.exec(
    text.slice(start + token.length, start + token.length + 60),
  );
  const next = after?.[1];
  if (next === undefined) return false;
  const verbs = nlp(next).verbs();
  if (!verbs.found) return false;
  const lemma = verbs.toInfinitive().text().toLowerCase();
  return (
    verbFiles.some((file) => isCommunicationWord(lemma, file)) && !isDocumentSpeaking(token, next, lemma, after?.[2])
  );
}

/**
 * "Bill states that…", "Will says:": a word that names a document (WordNet's documents: bill,
 * will, deed…) before a verb of speech in the present tense that reports content ("that" or a
 * colon next) reads as the document, which states and says in the present; "Bill said",
 * "Bill says he…" read as the person. Known cost: "Bill says that he…" about a person leaves as written.
 */
function isDocumentSpeaking(token: string, verb: string, lemma: string, following: string | undefined): boolean {
  const present = verb !== lemma && verb.endsWith("s");
  return present && (following === ":" || following?.toLowerCase() === "that") && isDocumentWord(token);
}

/** A lowercase or capitalised given name right after one of the names step's relation nouns. */
export function isRelationName(token: string, text: string, start: number): boolean {
  const previous = WORD_BEFORE.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  return (
    previous !== undefined &&
    RELATION.test(foldWord(previous)) &&
    isGivenNameWord(token) &&
    !stopWords().has(foldWord(token)) &&
    !isAuxiliary(token)
  );
}

/**
 * The name that a greeting opens a line with ("Hi tom,", "Dear Rose!") or that a sign-off closes
 * a message with ("Best, Will", "Cheers,\nGrace", "Cordialement,\nHope Martin"): one or two words
 * alone up to the line's end, each a given name or name part.
 */
export function isGreetingName(token: string, text: string, start: number): boolean {
  // Auxiliaries are not excluded here ("Best, Will"): the name must end the line, "Thanks, will do" does
  // not. A capitalised given name is one even if a language lists it as a function word (German "will").
  const grammar = stopWords().has(foldWord(token)) && !(/^\p{Lu}/u.test(token) && isGivenNameWord(token));
  if (grammar || isTitle(token) || !isNameWord(token)) return false;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const before = text.slice(lineStart, start);
  const lineEnd = text.indexOf("\n", start);
  const after = text.slice(start + token.length, lineEnd < 0 ? text.length : lineEnd).replace(/^['’]s/u, "");
  // The name is the rest of the line: at most one more word, then only punctuation.
  const endsLine = /^[ \t]*(?:[,!.:;]|[ \t][\p{L}'’-]+[ \t]*[,!.]?)?[ \t]*$/u.test(after);
  // Or a greeting's name before its comma: "Hi tom, how are you?".
  const greetingComma = /^[ \t]*[,!]/u.test(after);
  const opened = /^[ \t]*([\p{L}'’]+)[ \t]+$/u.exec(before)?.[1];
  if (opened !== undefined && GREETING.test(foldWord(opened)) && (endsLine || greetingComma)) return true;
  if (!endsLine) return false;
  // A second word of the name follows the first: "Hope Martin".
  const lead = before.replace(/[\p{L}'’-]+[ \t]+$/u, (word) => (isNameWord(word.trim()) ? "" : word));
  // On the same line only after a comma or a stop ("Best, Will"; not "I love Rose").
  const sameLine = /^(.*?)[,!.][ \t]*$/u.exec(lead)?.[1];
  if (sameLine !== undefined && sameLine.trim() !== "") return isSignOff(sameLine);
  if (lead.trim() !== "") return false;
  const previousLine = text.slice(text.lastIndexOf("\n", lineStart - 2) + 1, Math.max(0, lineStart - 1));
  return isSignOff(previousLine.replace(/[,!.]?[ \t]*$/u, ""));
}

/**
 * A valediction alone on its line: one to four words ending in a `SIGN_OFF` word ("Kind regards",
 * "Liebe Grüße", "Mit freundlichen Grüßen") or two starting with one ("Best wishes").
 */
function isSignOff(line: string): boolean {
  const words = line
    .trim()
    .split(/[ \t]+/u)
    .map(foldWord);
  if (words.length === 0 || words.length > 4 || words.some((w) => !/^\p{L}+$/u.test(w))) return false;
  const last = words[words.length - 1] ?? "";
  return SIGN_OFF.test(last) || (words.length <= 2 && SIGN_OFF.test(words[0] ?? ""));
}

function isNameWord(token: string): boolean {
  return isGivenNameWord(token) || isListedNamePart(token);
}

let auxiliaries: Set<string> | null = null;

/** A modal or auxiliary by compromise's lexicon: "will", "may", "can" ("my son will call"). */
function isAuxiliary(token: string): boolean {
  const folded = foldWord(token);
  if (!auxiliaries) {
    const lex = (
      nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }
    ).world().model.one.lexicon;
    auxiliaries = new Set(
      Object.entries(lex)
        .filter(([, tag]) =>
          ["Modal", "Auxiliary", "Copula"].some((t) => (Array.isArray(tag) ? tag : [tag]).includes(t)),
        )
        .map(([word]) => word),
    );
  }
  return auxiliaries.has(folded);
}
