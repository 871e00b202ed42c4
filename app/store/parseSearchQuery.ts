import { hasToken, tokenize } from "./tokenize";

/** One word (or hyphenated/apostrophed run such as "don't") typed by the user. */
export interface SearchTerm {
  /** The FTS5 phrase: quoted, with `*` when it matches as a prefix. */
  fts: string;
  /** The tokens FTS5 will look for, folded as the tokenizer folds them. */
  tokens: string[];
  /** Whether the last token matches as a prefix. */
  prefix: boolean;
}

export interface SearchQuery {
  /** The full MATCH expression: every term, ANDed. */
  match: string;
  terms: SearchTerm[];
}

/**
 * Only the last term matches as a prefix ("search as you type"), and only from this many
 * characters: a one- or two-letter prefix expands to thousands of index terms and is slow.
 */
export const MIN_PREFIX_CHARS = 3;

/** More terms than this add cost without narrowing anything a person can notice. */
export const MAX_TERMS = 16;

/**
 * Turns free text typed by a user into a safe FTS5 MATCH expression, or null when there is
 * nothing to search for. Every term is wrapped in double quotes (inner quotes doubled), so FTS5
 * syntax a user may type — AND, OR, NOT, NEAR(, *, ^, -, :, parentheses, unbalanced quotes — is
 * searched as plain words and can never cause a syntax error.
 */
export function parseSearchQuery(text: string): SearchQuery | null {
  const words = [...new Set(text.split(/\s+/u).filter(hasToken))].slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  const terms = words.map((word, i) => toTerm(word, i === words.length - 1 && isPrefixable(word)));
  return { match: terms.map((t) => t.fts).join(" "), terms };
}

function toTerm(word: string, prefix: boolean): SearchTerm {
  return { fts: `"${word.replaceAll('"', '""')}"${prefix ? "*" : ""}`, tokens: tokenize(word), prefix };
}

/**
 * The prefix applies to the term's last token: "don't" ends in the token "t" and "end." in none
 * (it already ended its word), so neither becomes a prefix.
 */
function isPrefixable(word: string): boolean {
  const lastToken = /[\p{L}\p{N}\p{Co}]+$/u.exec(word)?.[0] ?? "";
  return [...lastToken].length >= MIN_PREFIX_CHARS;
}
