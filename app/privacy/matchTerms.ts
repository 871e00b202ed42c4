import { isFrequentWord, isVeryCommonWord, isVocabularyWord } from "./commonWords";
import { foldString } from "./homoglyphs";
import type { NormalizedText } from "./normalize";
import type { PrivacyVault } from "./PrivacyVault";
import type { DetectionSource, PrivateTerm, PrivateType } from "./types";

/**
 * Steps 1–2 of detect(): every declared term and every value already in the vault (with its
 * variants) is found wherever it reappears — case-insensitively, across homoglyphs and
 * diacritics (the text is normalized first), with separators inside numbers ("DE89 3704…" =
 * "DE893704…"), between name parts, and before a possessive ("Thompson's", German "Annas").
 * Ordinary-word name parts ("Will", "Mark") match only capitalized, or after "tell"/"ask"/….
 * Disguised re-typings match too (issue #11, item 3): letter-spaced or dotted values
 * ("h.o.p.e", "j o h n", collapsed by normalize) in any case — nobody spells out the verb
 * "hope" letter by letter — and anywhere inside a collapsed run ("f o u r n i l d e s"), and
 * digits with any few separators in between ("( 2 1 7 )  5 5 5 - 0 1 4 8").
 *
 * Speed: terms are indexed by their first word (numbers: first character) and compared char by
 * char at word starts — no regular expression per term (compiling them cost more than all the
 * recognizers together when every message brings new names).
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
  /** A part of a vault value ("Square" of "Russell Square"); "given": the first part of a person's name. */
  variant?: "given" | "part";
  /** Matches only where written with a capital (VaultEntry.capitalOnly). */
  capitalised?: boolean;
}

type Mode = "grouped" | "words" | "verbatim";

interface CompiledTerm {
  term: Term;
  mode: Mode;
  /** Lowercase folded characters to match; in "words" mode, name parts joined by "\u0000". */
  key: string;
  /** An everyday word ("Will", "Rose", "Square"): matches only capitalized mid-sentence (or addressed: "tell mark"). */
  capitalOnly: boolean;
  /** A term registered from a capitalised word ("Mint"): matches only written with a capital, at any position. */
  capitalised: boolean;
  multiWord: boolean;
  /** Leading "+" or "(" of a number, included when the text has it. */
  lead: string;
}

interface Matcher {
  byFirstWord: Map<string, CompiledTerm[]>;
  byFirstChar: Map<string, CompiledTerm[]>;
  /** Longest first word of a multi-word term (0: none): bounds the letter-spacing prefix search. */
  maxMultiFirst: number;
  /** First two letters of those first words: a word starting otherwise has no prefix candidate. */
  multiFirstHeads: Set<string>;
  /** Longest first word of any word-mode term: bounds the search inside a collapsed run. */
  maxFirst: number;
}

// Types whose values are digits and letters in groups: any separators may appear in between.
const GROUPED: ReadonlySet<PrivateType> = new Set(["PHONE", "IBAN", "CARD", "ID", "IP"]);
// Matched exactly as written (case-insensitively): separators inside them are meaningful.
const VERBATIM: ReadonlySet<PrivateType> = new Set(["EMAIL", "URL", "SECRET"]);
// Ages ("34") are too short to be searched for everywhere.
const NOT_SEARCHED: ReadonlySet<PrivateType> = new Set(["AGE"]);
const GROUP_SEPARATOR = /[\s.\-/()]/;
// Separators skipped between two characters of a number: "7 ) 5" re-typed with spaces is still "75".
const MAX_GROUP_GAP = 4;
const WORD_SEPARATOR = /[\s.'’_\-&,+/]/;
const ALNUM = /[\p{L}\p{N}]/u;
const PART = "\u0000";

function compile(term: Term): { compiled: CompiledTerm; first: string } | null {
  const folded = foldString(term.text.trim()).toLowerCase();
  if (NOT_SEARCHED.has(term.type)) return null;
  const mode: Mode = GROUPED.has(term.type) ? "grouped" : VERBATIM.has(term.type) ? "verbatim" : "words";
  const parts = folded.split(/[^\p{L}\p{N}@]+/u).filter(Boolean);
  const alnum = folded.replace(/[^\p{L}\p{N}]/gu, "");
  if (alnum.length < 2 || (mode === "grouped" && alnum.replace(/\D/g, "").length < 4 && alnum.length < 5)) return null;
  const key =
    mode === "grouped" ? alnum : mode === "verbatim" ? folded.replace(/^[^\p{L}\p{N}]+/u, "") : parts.join(PART);
  const first = mode === "grouped" ? (alnum[0] ?? "") : (/[\p{L}\p{N}]+/u.exec(folded)?.[0] ?? "");
  const capitalOnly = mode === "words" && parts.length === 1 && isCapitalOnly(alnum, term.variant);
  const lead = /^[^\p{L}\p{N}]*/u.exec(term.text.trim())?.[0] ?? "";
  const capitalised = term.capitalised === true;
  return {
    compiled: { term, mode, key, capitalOnly, capitalised, multiWord: mode === "words" && parts.length > 1, lead },
    first,
  };
}

/**
 * Everyday words match only capitalized mid-sentence: "Will" (any term), "Square" and "Baker"
 * (parts of a longer value). A given name that is a rarer word ("lily" of Lily Hart) matches in
 * any case — lowercase chat names people that way — but a frequent one ("hope") does not.
 */
function isCapitalOnly(word: string, variant: Term["variant"]): boolean {
  if (isVeryCommonWord(word)) return true;
  if (!variant || !isVocabularyWord(word)) return false;
  return variant === "part" || isFrequentWord(word);
}

/**
 * The end of a match of `c` at `start` in `lower` (the lowercased text), or -1.
 * `open`: no end-of-word check (letter-spaced text collapsed into one word).
 */
function matchAt(lower: string, start: number, c: CompiledTerm, open: boolean): number {
  let i = start;
  for (let k = 0; k < c.key.length; k++) {
    const want = c.key[k] as string;
    if (want === PART) {
      while (i < lower.length && WORD_SEPARATOR.test(lower[i] as string)) i++;
      continue;
    }
    if (c.mode === "grouped" && k > 0) {
      let skipped = 0;
      while (skipped < MAX_GROUP_GAP && i < lower.length && GROUP_SEPARATOR.test(lower[i] as string)) {
        i++;
        skipped++;
      }
    }
    if (lower[i] !== want) return -1;
    i++;
  }
  if (open) return i;
  const after = lower[i] === "s" ? lower[i + 1] : lower[i];
  return after === undefined || !ALNUM.test(after) ? i : -1;
}

// sanitize() rebuilds the vault's matcher after each new entry: compile each term text once.
const compiledCache = new Map<string, ReturnType<typeof compile>>();
const COMPILED_CACHE_LIMIT = 20_000;

function compileCached(term: Term): ReturnType<typeof compile> {
  const id = `${term.type}\u0001${term.source}\u0001${term.variant ?? ""}\u0001${term.capitalised ? 1 : 0}\u0001${term.text}`;
  let hit = compiledCache.get(id);
  if (hit === undefined) {
    hit = compile(term);
    if (compiledCache.size >= COMPILED_CACHE_LIMIT) compiledCache.clear();
    compiledCache.set(id, hit);
  }
  return hit;
}

function buildMatcher(terms: Term[]): Matcher {
  const matcher: Matcher = {
    byFirstWord: new Map(),
    byFirstChar: new Map(),
    maxMultiFirst: 0,
    multiFirstHeads: new Set(),
    maxFirst: 0,
  };
  const seen = new Set<string>();
  for (const term of terms) {
    const c = compileCached(term);
    if (!c) continue;
    const id = `${c.compiled.mode}:${c.compiled.capitalOnly}:${c.compiled.capitalised}:${c.compiled.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const index = c.compiled.mode === "grouped" ? matcher.byFirstChar : matcher.byFirstWord;
    if (c.compiled.multiWord) {
      matcher.maxMultiFirst = Math.max(matcher.maxMultiFirst, c.first.length);
      matcher.multiFirstHeads.add(c.first.slice(0, 2));
    }
    if (c.compiled.mode === "words") matcher.maxFirst = Math.max(matcher.maxFirst, c.first.length);
    const list = index.get(c.first) ?? [];
    list.push(c.compiled);
    list.sort((a, b) => b.key.length - a.key.length);
    index.set(c.first, list);
  }
  return matcher;
}

// Verbs after which a known ordinary-word name part in lowercase is the person ("tell mark").
const ADDRESSED =
  /(?:^|[^\p{L}])(?:tell|ask|call|email|e-mail|text|message|remind|thank|meet|met|invite|told|asked|sag|sagen|frag|fragen|schreib|schreibe|ruf|anrufen|dis|dire|demande|demander|appelle|appeler|ecris|ecrire)\s+(?:a\s+)?$/iu;

// Text before a sentence start: capitals there say nothing ("Square meals…", "Ask the user…").
const SENTENCE_START = /(?:^|[.!?:\n"“«(•*>-])\s*$/u;

/**
 * A capital-only term ("Rose" of Rose Baker, "Square" of an address) matches capitalized and not
 * at a sentence start, or lowercase when the text addresses the person ("tell rose"). A term
 * registered from a capitalised word ("Mint") matches written with a capital, anywhere.
 * Letter-spaced disguises match in any case.
 */
function caseAllows(text: string, start: number, c: CompiledTerm, disguised: boolean): boolean {
  if (disguised) return true;
  if (c.capitalised) {
    const ch = text[start] as string;
    return ch !== ch.toLowerCase();
  }
  return !c.capitalOnly || everydayWordMatchesAt(text, start);
}

/**
 * Whether an everyday word registered in the vault ("Will") is replaced where it is written at
 * `start`: capitalised mid-sentence, or addressed ("tell will"). Auto asks before it masks such a
 * word instead of keeping the message on the device ("Will called…" would leave as written).
 */
export function everydayWordMatchesAt(text: string, start: number): boolean {
  const ch = text[start] as string;
  const before = text.slice(Math.max(0, start - 20), start);
  if (ADDRESSED.test(before)) return true;
  return ch !== ch.toLowerCase() && !SENTENCE_START.test(before);
}

/** Multi-word terms whose first word is a prefix of this word ("a n n a w e b e r" → "annaweber"). */
function prefixCandidates(matcher: Matcher, word: string): CompiledTerm[] {
  // Heads are the first one or two letters of those first words: a word starting otherwise has no candidate.
  if (
    word.length < 4 ||
    (!matcher.multiFirstHeads.has(word.slice(0, 2)) && !matcher.multiFirstHeads.has(word.slice(0, 1)))
  )
    return [];
  const out: CompiledTerm[] = [];
  for (let k = 1; k < word.length && k <= matcher.maxMultiFirst; k++) {
    const list = matcher.byFirstWord.get(word.slice(0, k));
    if (list) out.push(...list.filter((c) => c.multiWord));
  }
  return out.sort((a, b) => b.key.length - a.key.length);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Where each char of the normalized text came from (NormalizedText.starts/ends). */
export type Offsets = Pick<NormalizedText, "starts" | "ends">;

/** A char that stands for 5+ original chars was collapsed by normalize: "h.o.p.e" → "hope". */
function isCollapsed(offsets: Offsets | undefined, i: number): boolean {
  return offsets !== undefined && (offsets.ends[i] ?? 0) - (offsets.starts[i] ?? 0) >= 5;
}

/**
 * Terms starting at `at` inside a collapsed run, where word boundaries are lost
 * ("fournildeshalles" holds "Fournil" and "Halles"): every word-mode term of 4+ characters.
 */
function insideCandidates(matcher: Matcher, hay: string, at: number): CompiledTerm[] {
  const out: CompiledTerm[] = [];
  for (let k = 4; k <= matcher.maxFirst && at + k <= hay.length; k++)
    out.push(...(matcher.byFirstWord.get(hay.slice(at, at + k)) ?? []));
  return out.sort((a, b) => b.key.length - a.key.length);
}

interface Hit {
  start: number;
  end: number;
  c: CompiledTerm;
}

function firstMatch(
  text: string,
  hay: string,
  start: number,
  tries: ReadonlyArray<readonly [CompiledTerm, boolean]>,
  disguised: boolean,
): Hit | null {
  for (const [c, open] of tries) {
    const end = caseAllows(text, start, c, disguised) ? matchAt(hay, start, c, open) : -1;
    if (end >= 0) return { start, end, c };
  }
  return null;
}

function matchWord(
  text: string,
  hay: string,
  start: number,
  word: string,
  matcher: Matcher,
  disguised: boolean,
): Hit | null {
  const prefixes = prefixCandidates(matcher, word);
  // German/English genitive written without apostrophe: "Leas Zeugnis", "Annas Antwort".
  const genitive = word.length > 3 && word.endsWith("s") ? (matcher.byFirstWord.get(word.slice(0, -1)) ?? []) : [];
  const byWord = matcher.byFirstWord.get(word);
  const byChar = matcher.byFirstChar.get(word[0] ?? "");
  // Most words start no term: skip them before building candidate lists (speed, issue #11).
  if (!byWord && !byChar && genitive.length === 0 && prefixes.length === 0 && !disguised) return null;
  const exact = [...(byWord ?? []), ...genitive, ...(byChar ?? [])];
  const hit = firstMatch(
    text,
    hay,
    start,
    [...exact.map((c) => [c, false] as const), ...prefixes.map((c) => [c, true] as const)],
    disguised,
  );
  if (hit || !disguised) return hit;
  for (let at = start; at + 4 <= start + word.length; at++) {
    const inside = firstMatch(
      text,
      hay,
      at,
      insideCandidates(matcher, hay, at).map((c) => [c, true] as const),
      true,
    );
    if (inside) return inside;
  }
  return null;
}

function run(text: string, matcher: Matcher, vault: PrivacyVault | null, offsets?: Offsets): TermSpan[] {
  const lower = text.toLowerCase();
  // Lowercasing can change the length of a few characters; offsets must stay aligned.
  const hay =
    lower.length === text.length
      ? lower
      : [...text].map((ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join("");
  const spans: TermSpan[] = [];
  let skipUntil = 0;
  for (const m of hay.matchAll(WORD)) {
    if ((m.index ?? 0) < skipUntil) continue;
    const hit = matchWord(text, hay, m.index ?? 0, m[0], matcher, isCollapsed(offsets, m.index ?? 0));
    if (!hit) continue;
    const { start, end, c } = hit;
    const lead = c.lead && text.slice(start - c.lead.length, start) === c.lead ? c.lead.length : 0;
    const type = vault?.find(text.slice(start, end))?.type ?? c.term.type;
    spans.push({ start: start - lead, end, type, source: c.term.source });
    skipUntil = end;
  }
  return spans;
}

/** "Lily" of "Lily Hart", "Gary" of "Mr. Gary Thompson". */
function givenName(value: string): string {
  return (
    value
      .split(/\s+/)
      .find(
        (w) => !/^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|m|mme|mlle|monsieur|madame|docteur)\.?$/i.test(w),
      ) ?? ""
  );
}

const vaultMatchers = new WeakMap<PrivacyVault, { revision: number; matcher: Matcher }>();

function vaultMatcher(vault: PrivacyVault): Matcher {
  const hit = vaultMatchers.get(vault);
  if (hit && hit.revision === vault.revision) return hit.matcher;
  const terms = vault.entries().flatMap((e) => {
    const source: DetectionSource = e.origin === "context" ? "context" : "declared";
    const given = e.type === "PERSON" ? givenName(e.value) : "";
    return [
      { text: e.value, type: e.type, source, ...(e.capitalOnly ? { capitalised: true } : {}) },
      ...e.variants.map((text) => ({
        text,
        type: e.type,
        source,
        variant: text === given ? ("given" as const) : ("part" as const),
      })),
    ];
  });
  const matcher = buildMatcher(terms);
  vaultMatchers.set(vault, { revision: vault.revision, matcher });
  return matcher;
}

/** `offsets`: the normalized text's map to the original (detect passes it), to recognize collapsed disguises. */
export function matchTerms(
  text: string,
  vault: PrivacyVault,
  declared: readonly PrivateTerm[] = [],
  offsets?: Offsets,
): TermSpan[] {
  const spans = vault.size > 0 ? run(text, vaultMatcher(vault), vault, offsets) : [];
  if (declared.length === 0) return spans;
  const terms = declared.map((t) => ({ text: t.text, type: t.type ?? "OTHER", source: "declared" as const }));
  return [...spans, ...run(text, buildMatcher(terms), null, offsets)];
}
