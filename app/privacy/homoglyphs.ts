/**
 * Character folding used by normalize(): what a reader sees as the same letter becomes the same
 * letter, so "Ａnna", "A\u200Bnna", "Änna" and Cyrillic "Аnna" all match "Anna".
 */

// Zero-width, joiners, soft hyphen, bidi marks, variation selectors: invisible, so removed.
const INVISIBLE_RANGES: Array<[number, number]> = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];

function isInvisible(cp: number): boolean {
  return INVISIBLE_RANGES.some(([from, to]) => cp >= from && cp <= to);
}

// Cyrillic and Greek letters that look like Latin ones.
const HOMOGLYPHS: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
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
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  һ: "h",
  ӏ: "l",
  ԛ: "q",
  ԝ: "w",
  ё: "e",
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  У: "Y",
  І: "I",
  Ј: "J",
  Ѕ: "S",
  Ԁ: "D",
  Һ: "H",
  Ӏ: "I",
  Ԛ: "Q",
  Ԝ: "W",
  α: "a",
  ο: "o",
  ν: "v",
  ρ: "p",
  ι: "i",
  κ: "k",
  υ: "u",
  ε: "e",
  τ: "t",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
};

const cache = new Map<number, string>();

/** The folded form of one code point: "" for invisible chars, else NFKC without diacritics. */
export function foldCodePoint(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const ch = String.fromCodePoint(cp);
  const folded = isInvisible(cp) ? "" : ch.normalize("NFKC").normalize("NFD").replace(/\p{M}/gu, "");
  // ß stays ß in NFD; fold it too so "Strasse" and "Straße" match.
  const result = folded === "ß" ? "ss" : folded;
  if (cache.size < 10_000) cache.set(cp, result);
  return result;
}

/** A word is a disguise if it mixes Latin with look-alikes, or consists only of look-alikes. */
export function isHomoglyphWord(word: string): boolean {
  let latin = 0;
  let glyphs = 0;
  let other = 0;
  for (const ch of word) {
    if (HOMOGLYPHS[ch] !== undefined) glyphs++;
    else if (/[A-Za-z]/.test(ch)) latin++;
    else other++;
  }
  return glyphs > 0 && other === 0 && (latin > 0 || glyphs === word.length);
}

export function mapHomoglyphs(word: string): string {
  let out = "";
  for (const ch of word) out += HOMOGLYPHS[ch] ?? ch;
  return out;
}

/** Folds a whole string (for keys and term matching), without offset bookkeeping. */
export function foldString(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = "";
  for (const ch of text) out += foldCodePoint(ch.codePointAt(0) ?? 0);
  if (!/[\u0370-\u052f]/.test(out)) return out;
  return out.replace(/[\p{L}]+/gu, (w) => (isHomoglyphWord(w) ? mapHomoglyphs(w) : w));
}
