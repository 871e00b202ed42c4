import type { Recognizer, Span } from "./Recognizer";

// Lengths per country (ISO 13616 registry, the common ones); others: any valid 15–34.
const LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SA: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TR: 26,
};

const START = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}/giu;

/** mod-97 check of ISO 7064 (an IBAN is valid when the rearranged number ≡ 1 mod 97). */
export function isValidIban(iban: string): boolean {
  const s = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const v = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

/** Walks alphanumerics from `start`, allowing one space or hyphen between them, up to `max`. */
function collect(text: string, start: number, max: number): Array<{ value: string; end: number }> {
  const prefixes: Array<{ value: string; end: number }> = [];
  let value = "";
  let i = start;
  while (i < text.length && value.length < max) {
    const ch = text[i] ?? "";
    if (/[A-Za-z0-9]/.test(ch)) {
      value += ch;
      i++;
      prefixes.push({ value, end: i });
    } else if ((ch === " " || ch === "-") && /[A-Za-z0-9]/.test(text[i + 1] ?? "")) i++;
    else break;
  }
  return prefixes;
}

export const iban: Recognizer = (text) => {
  const spans: Span[] = [];
  for (const m of text.matchAll(START)) {
    const start = m.index ?? 0;
    const expected = LENGTHS[m[0].slice(0, 2).toUpperCase()];
    const prefixes = collect(text, start, expected ?? 34).filter((p) =>
      expected ? p.value.length === expected : p.value.length >= 15,
    );
    // Longest valid prefix wins; a following word ("DE89… and") is never part of it.
    const hit = prefixes.reverse().find((p) => isValidIban(p.value) && !/[A-Za-z0-9]/.test(text[p.end] ?? ""));
    if (hit) spans.push({ start, end: hit.end, type: "IBAN" });
  }
  return spans;
};
