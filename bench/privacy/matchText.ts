/**
 * How the benchmark decides that a private item is still readable in a text (issue #3,
 * "Measure it"). Deliberately independent of the engine's own normalizer: a measurement that
 * shares code with what it measures would hide the engine's bugs.
 *
 * Base rule (the definition): NFKC, case-insensitive, whitespace collapsed; items of
 * at most 4 characters must match as whole words, longer items as substrings.
 * Stricter than the minimum, because a cloud model reads these as the value too:
 * - invisible characters (zero-width, soft hyphen, bidi marks) are removed;
 * - Latin look-alikes from Cyrillic/Greek are mapped ("Bеrnard" with a Cyrillic е);
 * - letters separated by single spaces/dots/hyphens are joined ("a n n a" reads "anna");
 * - for e-mail items only, spelled-out "dot"/"at" (en, de, fr) are read back;
 * - for number-like items (IBAN, card, phone, ids: at least 6 digits), separators are ignored,
 *   so "DE83 5135 0025 0200 1478 53" and "DE83513500250200147853" read as the same item.
 */

// Characters that render as nothing: a value split by them still reads as the value.
const INVISIBLE = /\u034f|[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

// Cyrillic and Greek letters that look like Latin ones (the common disguise set).
const LOOKALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  α: "a",
  β: "b",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
};
const LOOKALIKE_RE = new RegExp(`[${Object.keys(LOOKALIKES).join("")}]`, "g");

/** The base normalization applied to items and texts alike. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .toLowerCase()
    .replace(LOOKALIKE_RE, (c) => LOOKALIKES[c] ?? c)
    .replace(/\s+/g, " ")
    .trim();
}

// Three or more single letters/digits joined by one separator: "a n n a", "a.n.n.a".
const SPACED_LETTERS = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[ .\-_·][\p{L}\p{N}]){2,}(?![\p{L}\p{N}])/gu;
const SPELLED_AT = /\s*[[({]\s*(?:at|arobase|ät|@)\s*[\])}]\s*|\s+(?:at|arobase)\s+/g;
const SPELLED_DOT = /\s*[[({]\s*(?:dot|point|punkt)\s*[\])}]\s*|\s+(?:dot|point|punkt)\s+/g;

/** A text prepared once for many item look-ups (PUPA rows have up to 50 units). */
export interface Haystack {
  base: string;
  /** `base` with letter-spaced runs joined, or null when there are none. */
  joined: string | null;
  /** `base` with spelled-out e-mail punctuation read back, computed on first use. */
  email?: string;
  /** `base` without spaces and number separators, computed on first use. */
  compact?: string;
}

const NUMBER_SEPARATORS = /[\s\-./()]/g;

/** Items whose digits carry the identity (≥ 6 digits, nothing but letters, digits, separators). */
function isNumberLike(needle: string): boolean {
  return /^[\p{L}\p{N}\s\-./()+]+$/u.test(needle) && (needle.match(/\p{N}/gu) ?? []).length >= 6;
}

export function prepareHaystack(text: string): Haystack {
  const base = normalizeForMatch(text);
  const joined = base.replace(SPACED_LETTERS, (run) => run.replace(/[ .\-_·]/g, ""));
  return { base, joined: joined === base ? null : joined };
}

/** Is `item` readable in the prepared text (see the rules at the top of this file)? */
export function containsItem(hay: Haystack, item: string): boolean {
  const needle = normalizeForMatch(item);
  if (needle.length === 0) return false;
  if (occurs(hay.base, needle)) return true;
  if (hay.joined !== null) {
    const compact = needle.replace(/[\s.\-_·]/g, "");
    if (occurs(hay.joined, needle) || (compact.length > 4 && occurs(hay.joined, compact))) return true;
  }
  if (needle.includes("@")) {
    hay.email ??= hay.base.replace(SPELLED_AT, "@").replace(SPELLED_DOT, ".");
    return occurs(hay.email, needle);
  }
  if (isNumberLike(needle)) {
    hay.compact ??= hay.base.replace(NUMBER_SEPARATORS, "");
    return hay.compact.includes(needle.replace(NUMBER_SEPARATORS, ""));
  }
  return false;
}

/** Substring match, or whole-word match for items of at most 4 characters. */
export function occurs(text: string, needle: string): boolean {
  if (needle.length > 4) return text.includes(needle);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (!isWordChar(text, at - 1) && !isWordChar(text, at + needle.length)) return true;
  }
  return false;
}

function isWordChar(text: string, index: number): boolean {
  const c = text[index];
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}
