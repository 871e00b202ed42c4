import type { Detection } from "../../privacy";
import { isKnownWord, isKnownCapitalised } from "./isKnownWord";
import type { RoutingRules } from "./routingRules";

/** Why a token is one the engine cannot vouch for. */
export type UnclassifiedKind = "unknown-capitalised" | "unknown-lowercase" | "non-latin" | "untyped-digits" | "code";

export interface UnclassifiedToken {
  kind: UnclassifiedKind;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu;
// French (and English "o'") elided articles and pronouns before a capital: d'Anaïs, l'Hôpital, qu'Élodie.
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\p{Lu})/iu;
const PLACEHOLDER = /\[[A-Z]+(?:_[A-Z]+)*_\d+\]/g;
// An ordinal or a unit stuck to a number is ordinary text: 1st, 2nd, 3e, 10ème, 5kg, 30min.
const ORDINAL_OR_UNIT = /^\d+(?:st|nd|rd|th|e|er|ère|ème|te|ten|kg|g|km|m|cm|mm|h|min|s|l|ml|am|pm)$/iu;

/**
 * Tokens of `text` that no detection covers and that the engine could not classify (issue #16):
 * a capitalised word that is neither sentence-initial nor in the language's vocabulary (English
 * only: word-list is the one dictionary shipped; German capitalises every noun) — in a text with
 * no capital at all, any word outside the vocabulary — a run in a
 * non-Latin script, a digit string of `minUntypedDigits`+ digits that is not a year, and a code
 * mixing letters and digits (usernames, references). Pure: reads only its arguments and the
 * engine's bundled word lists (isKnownWord).
 */
export function findUnclassified(text: string, detections: readonly Detection[], language: string, rules: RoutingRules): UnclassifiedToken[] {
  const covered = coverage(text, detections);
  // Written without any capital ("hey can you tell mark…"), case says nothing: every word outside the vocabulary is suspect.
  const caseless = !/\p{Lu}/u.test(text);
  const found: UnclassifiedToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const elision = ELISION.exec(match[0])?.[0].length ?? 0;
    const start = match.index + elision;
    const token = match[0].slice(elision).replace(/['’]s$/u, "").replace(/[-_'’]+$/u, "");
    if (token === "" || isCovered(covered, start, start + token.length)) continue;
    const kind = classify(token, text, start, language, rules) ?? (caseless && language === "en" && isUnknownWord(token) ? "unknown-lowercase" : null);
    if (kind) found.push({ kind, start, end: start + token.length });
  }
  return found;
}

function classify(token: string, text: string, start: number, language: string, rules: RoutingRules): UnclassifiedKind | null {
  if (/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(token)) return "non-latin";
  const digits = token.replace(/\D/g, "").length;
  const letters = token.replace(/[^\p{L}]/gu, "").length;
  if (digits > 0 && letters > 0) return ORDINAL_OR_UNIT.test(token) ? null : "code";
  if (digits >= rules.minUntypedDigits && !isYear(token, rules)) return "untyped-digits";
  // An amount is the user's finances at any size: "€85", "85 $" (\p{Sc}: any currency sign).
  if (digits > 0 && nextToCurrency(text, start, token.length)) return "untyped-digits";
  if (isUnknownCapitalised(token, text, start, language, rules)) return "unknown-capitalised";
  return null;
}

function nextToCurrency(text: string, start: number, length: number): boolean {
  return /\p{Sc}\s?$/u.test(text.slice(Math.max(0, start - 2), start)) || /^[.,]?\d*\s?\p{Sc}/u.test(text.slice(start + length, start + length + 4));
}

function isUnknownWord(token: string): boolean {
  const lower = token.toLowerCase();
  return /^\p{L}{3,}$/u.test(lower) && !isKnownWord(lower);
}

function isYear(token: string, rules: RoutingRules): boolean {
  const value = Number(token);
  return /^\d{4}$/.test(token) && value >= rules.yearRange[0] && value <= rules.yearRange[1];
}

function isUnknownCapitalised(token: string, text: string, start: number, language: string, rules: RoutingRules): boolean {
  if (!/^\p{Lu}/u.test(token) || isSentenceStart(text, start)) return false;
  if (token === token.toUpperCase() && token.length <= rules.maxAcronymLength) return false;
  return !isKnownCapitalised(token, language) && !token.split(/[-'’]/u).every((part) => part === "" || isKnownCapitalised(part, language));
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
