import { isVeryCommonWord } from "./commonWords";
import { foldString } from "./homoglyphs";
import type { PrivacyVault } from "./PrivacyVault";
import { termKey } from "./termKey";
import type { DetectionSource, PrivateTerm, PrivateType } from "./types";

/**
 * Steps 1–2 of detect(): every declared term and every value already in the vault (with its
 * variants) is found wherever it reappears — case-insensitively, across homoglyphs and
 * diacritics (the text is normalized first), with any separators inside numbers, and before a
 * possessive ("Thompson's"). Ordinary words used as names ("Will", "Rose") match only capitalized.
 *
 * Speed: terms are indexed by their first word (numbers: first character); the text is scanned
 * word by word and only the terms starting with that word are tried, anchored there. One big
 * alternation regex was ten times slower on a vault of a few dozen entries.
 */
export interface TermSpan {
  start: number;
  end: number;
  type: PrivateType;
  source: DetectionSource;
}

interface Term {
  text: string;
  type: PrivateType;
  source: DetectionSource;
}

interface CompiledTerm {
  term: Term;
  /** Sticky: tried exactly at a word start. */
  regex: RegExp;
  /** The same without the end-of-word check, for letter-spaced text collapsed into one word. */
  prefixRegex: RegExp;
  /** For ordinary-word name parts ("Mark"): the lowercase form, accepted only after "tell", "ask", … */
  lowercaseRegex: RegExp | null;
  length: number;
  multiWord: boolean;
}

interface Matcher {
  byFirstWord: Map<string, CompiledTerm[]>;
  byFirstChar: Map<string, CompiledTerm[]>;
}

// Types whose values are digits and letters in groups: any separators may appear in between.
const GROUPED: ReadonlySet<PrivateType> = new Set(["PHONE", "IBAN", "CARD", "ID", "IP"]);
// Matched exactly as written (case-insensitively): separators inside them are meaningful.
const VERBATIM: ReadonlySet<PrivateType> = new Set(["EMAIL", "URL", "SECRET"]);
// Ages ("34") are too short to be searched for everywhere.
const NOT_SEARCHED: ReadonlySet<PrivateType> = new Set(["AGE"]);
const END = "(?=s?(?![\\p{L}\\p{N}]))";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type Compiled = { compiled: CompiledTerm; first: string; grouped: boolean } | null;

// Compiling a RegExp costs more than running it: terms recur across vaults and calls.
const compileCache = new Map<string, Compiled>();
const CACHE_LIMIT = 20_000;

function compileTerm(term: Term): Compiled {
  const cacheKey = `${term.type}\u0000${term.source}\u0000${term.text}`;
  const hit = compileCache.get(cacheKey);
  if (hit !== undefined) return hit;
  const compiled = compileUncached(term);
  if (compileCache.size >= CACHE_LIMIT) compileCache.clear();
  compileCache.set(cacheKey, compiled);
  return compiled;
}

function compileUncached(term: Term): Compiled {
  const folded = foldString(term.text.trim());
  const key = termKey(term.text);
  if (NOT_SEARCHED.has(term.type) || key.length < 2) return null;
  const grouped = GROUPED.has(term.type);
  if (grouped && key.replace(/\D/g, "").length < 4 && key.length < 5) return null;
  let source: string;
  if (grouped) source = [...folded.replace(/[^\p{L}\p{N}]/gu, "")].map(escape).join("[\\s.\\-\\/()]{0,2}");
  else if (VERBATIM.has(term.type)) source = escape(folded.replace(/^[^\p{L}\p{N}]+/u, ""));
  else source = folded.split(/[^\p{L}\p{N}@]+/u).filter(Boolean).map(escape).join("[\\s.'’_\\-&,+\\/]*");
  const first = (/[\p{L}\p{N}]+/u.exec(folded)?.[0] ?? "").toLowerCase();
  if (!first) return null;
  const caseSensitive = !/\s/.test(term.text.trim()) && isVeryCommonWord(term.text.trim());
  // Indexed in lowercase either way; the regex decides whether case matters.
  const flags = caseSensitive ? "yu" : "yiu";
  const regex = new RegExp(source + END, flags);
  const multiWord = !grouped && /[^\p{L}\p{N}]/u.test(folded.trim());
  return { compiled: { term, regex, prefixRegex: new RegExp(source, flags), lowercaseRegex: caseSensitive ? new RegExp(source + END, "yiu") : null, length: source.length, multiWord }, first: grouped ? first[0] ?? "" : first, grouped };
}

function buildMatcher(terms: Term[]): Matcher {
  const matcher: Matcher = { byFirstWord: new Map(), byFirstChar: new Map() };
  const seen = new Set<string>();
  for (const term of terms) {
    const c = compileTerm(term);
    if (!c || seen.has(c.compiled.regex.source + c.compiled.regex.flags)) continue;
    seen.add(c.compiled.regex.source + c.compiled.regex.flags);
    const index = c.grouped ? matcher.byFirstChar : matcher.byFirstWord;
    const list = index.get(c.first) ?? [];
    list.push(c.compiled);
    list.sort((a, b) => b.length - a.length);
    index.set(c.first, list);
  }
  return matcher;
}

const WORD = /[\p{L}\p{N}]+/gu;

function run(text: string, matcher: Matcher, vault: PrivacyVault | null): TermSpan[] {
  const spans: TermSpan[] = [];
  let skipUntil = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    if (start < skipUntil) continue;
    const word = m[0].toLowerCase();
    const prefixes = prefixCandidates(matcher, word);
    // German/English genitive written without apostrophe: "Leas Zeugnis", "Annas Antwort".
    const genitive = word.length > 3 && word.endsWith("s") ? matcher.byFirstWord.get(word.slice(0, -1)) ?? [] : [];
    const candidates = [...(matcher.byFirstWord.get(word) ?? []), ...genitive, ...prefixes, ...(matcher.byFirstChar.get(word[0] ?? "") ?? [])];
    for (const c of candidates) {
      const hit = tryAt(text, start, c, prefixes.includes(c));
      if (!hit) continue;
      const type = vault?.find(hit[0])?.type ?? c.term.type;
      spans.push({ start: start - leadingPunctuation(text, start, c.term.text), end: start + hit[0].length, type, source: c.term.source });
      skipUntil = start + hit[0].length;
      break;
    }
  }
  return spans;
}

// Verbs after which a known ordinary-word name part in lowercase is the person ("tell mark").
const ADDRESSED = /(?:^|[^\p{L}])(?:tell|ask|call|email|e-mail|text|message|remind|thank|meet|met|invite|told|asked|sag|sagen|frag|fragen|schreib|schreibe|ruf|anrufen|dis|dire|demande|demander|appelle|appeler|ecris|ecrire)\s+(?:a\s+)?$/iu;

function tryAt(text: string, start: number, c: CompiledTerm, asPrefix: boolean): RegExpExecArray | null {
  const regex = asPrefix ? c.prefixRegex : c.regex;
  regex.lastIndex = start;
  const hit = regex.exec(text);
  if (hit || !c.lowercaseRegex || !ADDRESSED.test(text.slice(Math.max(0, start - 20), start))) return hit;
  c.lowercaseRegex.lastIndex = start;
  return c.lowercaseRegex.exec(text);
}

/** "+49 …", "(415) …": the term's leading "+" or "(" is part of the match when the text has it. */
function leadingPunctuation(text: string, start: number, term: string): number {
  const lead = /^[^\p{L}\p{N}]*/u.exec(term.trim())?.[0] ?? "";
  return lead && text.slice(start - lead.length, start) === lead ? lead.length : 0;
}

/**
 * Multi-word terms whose first word is a prefix of this word: letter-spaced evasions collapse
 * to one word ("a n n a w e b e r" → "annaweber"), and names may be written without a space.
 */
function prefixCandidates(matcher: Matcher, word: string): CompiledTerm[] {
  if (word.length < 4) return [];
  const out: CompiledTerm[] = [];
  for (let k = 2; k < word.length; k++) {
    const list = matcher.byFirstWord.get(word.slice(0, k));
    if (list) out.push(...list.filter((c) => c.multiWord));
  }
  return out.sort((a, b) => b.length - a.length);
}

const vaultMatchers = new WeakMap<PrivacyVault, { revision: number; matcher: Matcher }>();

function vaultMatcher(vault: PrivacyVault): Matcher {
  const hit = vaultMatchers.get(vault);
  if (hit && hit.revision === vault.revision) return hit.matcher;
  const terms = vault.entries().flatMap((e) => {
    const source: DetectionSource = e.origin === "context" ? "context" : "declared";
    return [e.value, ...e.variants].map((text) => ({ text, type: e.type, source }));
  });
  const matcher = buildMatcher(terms);
  vaultMatchers.set(vault, { revision: vault.revision, matcher });
  return matcher;
}

export function matchTerms(text: string, vault: PrivacyVault, declared: readonly PrivateTerm[] = []): TermSpan[] {
  const spans = vault.size > 0 ? run(text, vaultMatcher(vault), vault) : [];
  if (declared.length === 0) return spans;
  const terms = declared.map((t) => ({ text: t.text, type: t.type ?? "OTHER", source: "declared" as const }));
  return [...spans, ...run(text, buildMatcher(terms), null)];
}
