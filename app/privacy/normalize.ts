/**
 * Normalization so that evasions fail: detections run on a normalized copy of the text and are
 * mapped back to ORIGINAL offsets, so replacement always happens on what the user wrote.
 *
 * Per code point: zero-width/soft-hyphen removal, NFKC (full-width, ligatures, math letters),
 * diacritic folding (Müller → Muller), homoglyphs in mixed-script words (Cyrillic "Аnna").
 * Then spans: letter spacing ("a n n a", "a.n.n.a") and spelled-out e-mails
 * ("anna dot weber at gmx dot de").
 */
import { foldCodePoint, isHomoglyphWord, mapHomoglyphs } from "./homoglyphs";

export interface NormalizedText {
  text: string;
  /** For each char of `text`: the original index it came from. */
  starts: Int32Array;
  /** For each char of `text`: the original end index (exclusive) of what it came from. */
  ends: Int32Array;
}

export function normalize(original: string): NormalizedText {
  const folded = foldChars(original);
  const spaced = collapseLetterSpacing(folded);
  return deobfuscateEmails(spaced);
}

/** Maps a span of the normalized text back to the original text. */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: n.starts[start] ?? 0, end: n.starts[start] ?? 0 };
  return { start: n.starts[start] ?? 0, end: n.ends[end - 1] ?? 0 };
}

/** A string with one original index per char — the identity mapping, for ASCII fast paths. */
function identity(text: string): NormalizedText {
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text, starts, ends };
}

function foldChars(original: string): NormalizedText {
  // Fast path: plain ASCII needs no per-char work (most text, and the benchmark's hot path).
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(original)) return identity(original);
  let out = "";
  let starts: Int32Array<ArrayBuffer> = new Int32Array(original.length + 16);
  let ends: Int32Array<ArrayBuffer> = new Int32Array(original.length + 16);
  let n = 0;
  for (let i = 0; i < original.length;) {
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const replacement = cp < 0x80 ? (original[i] as string) : foldCodePoint(cp);
    if (n + replacement.length > starts.length) [starts, ends] = [grow(starts), grow(ends)];
    for (let k = 0; k < replacement.length; k++, n++) {
      starts[n] = i;
      ends[n] = i + width;
    }
    out += replacement;
    i += width;
  }
  return { text: mapHomoglyphWords(out), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2 + 16);
  bigger.set(array);
  return bigger;
}

/** Homoglyphs are mapped only inside words that look like a disguise, not in real Cyrillic text. */
function mapHomoglyphWords(text: string): string {
  if (!/[\u0370-\u04ff]/.test(text)) return text;
  return text.replace(/[\p{L}]+/gu, (word) => (isHomoglyphWord(word) ? mapHomoglyphs(word) : word));
}

interface Replacement {
  start: number;
  end: number;
  with: string;
}

/** Replaces spans of a normalized text; each new char maps to the whole original span. */
function applyReplacements(n: NormalizedText, replacements: Replacement[]): NormalizedText {
  if (replacements.length === 0) return n;
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  const keep = (from: number, to: number) => {
    parts.push(n.text.slice(from, to));
    for (let i = from; i < to; i++) {
      starts.push(n.starts[i] ?? 0);
      ends.push(n.ends[i] ?? 0);
    }
  };
  for (const r of replacements) {
    keep(at, r.start);
    const s = n.starts[r.start] ?? 0;
    const e = n.ends[r.end - 1] ?? s;
    parts.push(r.with);
    for (let k = 0; k < r.with.length; k++) {
      starts.push(s);
      ends.push(e);
    }
    at = r.end;
  }
  keep(at, n.text.length);
  return { text: parts.join(""), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

// Three or more single letters or digits joined by one separator: "a n n a", "a.n.n.a",
// "j.o.h.n.1.9.8.4" (issue #11, item 3). A run needs a letter: "1 2 3" and "2.4.1" stay as written.
const LETTER_SPACING = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[ ._\-*·][\p{L}\p{N}]){2,}(?![\p{L}\p{N}])/gu;

function collapseLetterSpacing(n: NormalizedText): NormalizedText {
  const replacements: Replacement[] = [];
  for (const m of n.text.matchAll(LETTER_SPACING)) {
    if (!/\p{L}/u.test(m[0])) continue;
    const start = m.index ?? 0;
    // "a A n n a W e b e r" → "a Anna Weber": a capital after a small letter starts a new word.
    const joined = m[0].replace(/[ ._\-*·]/g, "").replace(/(?<=\p{Ll})(?=\p{Lu})/gu, " ");
    replacements.push({ start, end: start + m[0].length, with: joined });
  }
  return applyReplacements(n, replacements);
}

const WORD = String.raw`[\p{L}\p{N}_%+\-]+`;
const DOT = String.raw`(?:\s*[\[({]\s*(?:dot|punkt|point)\s*[\])}]\s*|\s+(?:dot|punkt|point)\s+|\.)`;
const AT = String.raw`(?:\s*[\[({]\s*(?:at|@|arobase|ät)\s*[\])}]\s*|\s+(?:at|arobase)\s+|@)`;
const SPELLED_EMAIL = new RegExp(
  `${WORD}(?:${DOT}${WORD})*${AT}${WORD}(?:${DOT}${WORD})*${DOT}\\p{L}{2,6}(?![\\p{L}\\p{N}])`,
  "giu",
);

const SPELLED_DOT = /[[({]\s*(?:dot|punkt|point)|\s(?:dot|punkt|point)\s/i;
const BRACKETED_AT = /[[({]\s*(?:at|@|arobase|ät)\s*[\])}]/i;

/**
 * "anna dot weber at gmx dot de" → "anna.weber@gmx.de". Only when something is spelled out or
 * bracketed, so that "I work at example.com" stays as written.
 */
function deobfuscateEmails(n: NormalizedText): NormalizedText {
  if (!/\b(?:dot|punkt|point)\b|[[({]\s*(?:at|@|arobase|ät)\s*[\])}]/i.test(n.text)) return n;
  const replacements: Replacement[] = [];
  for (const m of n.text.matchAll(SPELLED_EMAIL)) {
    const raw = m[0];
    // Only rewrite what is disguised: a spelled-out dot or a bracketed "at".
    if (!SPELLED_DOT.test(raw) && !BRACKETED_AT.test(raw)) continue;
    const compact = raw.replace(new RegExp(AT, "iu"), "@").replace(new RegExp(DOT, "giu"), ".");
    const start = m.index ?? 0;
    replacements.push({ start, end: start + raw.length, with: compact });
  }
  return applyReplacements(n, replacements);
}
