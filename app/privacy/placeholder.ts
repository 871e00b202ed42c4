/**
 * The one placeholder format (issue #14): "[PERSON_1]" — the private type in capitals
 * (underscores inside, as in DATE_OF_BIRTH), an underscore and a number from 1, in square
 * brackets. The vault writes it, sanitize and the Auto rules find it, restore and the streaming
 * restore read it back also as models rewrite it, and the renderer (through app/contract)
 * highlights it. Nothing else spells the format.
 *
 * The patterns carry the g flag: use them with `matchAll`, `match` and `replace` only (`test`
 * and `exec` would keep `lastIndex` between calls).
 */
import { PRIVATE_TYPES } from "./types";

/** The placeholder for the `n`-th value of a type: formatPlaceholder("PERSON", 1) = "[PERSON_1]". */
export function formatPlaceholder(type: string, n: number): string {
  return `[${type}_${n}]`;
}

/** The number of a placeholder in the format ("[PERSON_12]" → 12); 0 if it is not one. */
export function placeholderNumber(placeholder: string): number {
  return Number(/_(\d+)\]$/.exec(placeholder)?.[1] ?? 0);
}

/** Strict: a placeholder exactly as the vault writes it. */
export const PLACEHOLDER = /\[[A-Z]+(?:_[A-Z]+)*_\d+\]/g;

/** Loose: any bracketed "type number" ("[Person 1]", "[ PERSON_1 ]"), which the detector leaves alone. */
export const LOOSE_PLACEHOLDER = /\[\s*[A-Za-z]+(?:[_ ][A-Za-z]+)*[_ ]\d+\s*\]/g;

/** The brackets a model may put around a rewritten placeholder, opening and closing in the same order. */
export const OPENING_BRACKETS = "[{<(";
export const CLOSING_BRACKETS = "]}>)";
/** Words the types are made of: a rewritten "PERSON 1" or "DATE OF BIRTH_1" spans several words. */
export const TYPE_WORDS: ReadonlySet<string> = new Set(PRIVATE_TYPES.flatMap((type) => type.split("_")));

const TYPE_NAMES = PRIVATE_TYPES.map((t) => t.replace(/_/g, "[ _\\\\-]*")).sort((a, b) => b.length - a.length);
const TYPE = `(${TYPE_NAMES.join("|")})`;
// Bracketed in any case and spacing; or unbracketed with an underscore; or unbracketed ALL CAPS.
const BRACKETED = `[\\[{<(]\\s*${TYPE}\\s*(?:\\\\?[_ #\\-]\\s*)?(\\d+)\\s*[\\]}>)]`; // OPENING_BRACKETS … CLOSING_BRACKETS
const UNBRACKETED = `(?<![\\p{L}\\p{N}])${TYPE}\\\\?_(\\d+)(?![\\p{L}\\p{N}])`;

/**
 * As models rewrite a known type's placeholder: "[Person 1]", "PERSON_1", "[PERSON 1]",
 * "Person_1", "PERSON\_1" (markdown), other brackets. Groups: type and number, bracketed
 * (1, 2) or not (3, 4).
 */
export const REWRITTEN_PLACEHOLDER = new RegExp(`${BRACKETED}|${UNBRACKETED}`, "giu");

/** A known type in capitals and its number, with a space and no brackets: "PERSON 1". Groups: type, number. */
export const SPACED_PLACEHOLDER = new RegExp(
  `(?<![\\p{L}\\p{N}\\[])(${PRIVATE_TYPES.join("|")}) (\\d+)(?![\\p{L}\\p{N}\\]])`,
  "gu",
);

/** The canonical placeholder for a type and number as a model wrote them ("Date of birth", "02" → "[DATE_OF_BIRTH_2]"). */
export function canonicalPlaceholder(type: string, n: string): string {
  return formatPlaceholder(type.toUpperCase().replace(/[ _\\-]+/g, "_"), Number(n));
}
