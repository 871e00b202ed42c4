import { groupSpans, matchAll, type Recognizer, type Span } from "./Recognizer";

// US SSN: area 001–899 except 666, group and serial not zero.
const SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}([- .])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g;
// German tax id (Steuer-ID): 11 digits, first not 0, ISO 7064 MOD 11,10 check digit.
const STEUER_ID = /(?<![\d\-/.])[1-9]\d(?: ?\d{3}){3}(?![\d\-/]|[.,]\d)/g;
// French NIR: sex, year, month, department (2A/2B for Corsica), commune, order, 2-digit key.
const NIR =
  /(?<![\p{L}\p{N}])[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\p{L}\p{N}])/giu;
// Passport numbers after the word passport (en/de/fr, folded text).
const PASSPORT =
  /(?:passport|reisepass|pass|passeport)(?:\s*(?:number|no|nr|nummer|numero|n°|#))?\.?\s*[:#]?\s*([A-Z0-9]{6,9})\b/dgi;
// German pension insurance number (Rentenversicherungs-/Sozialversicherungsnummer): area (2
// digits), birth date DDMMYY, first letter of the birth name, serial (2 digits), check digit.
const RVNR =
  /(?<![\p{L}\p{N}])(\d{2}) ?((?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}) ?([A-Z]) ?(\d{2}) ?(\d)(?![\p{L}\p{N}])/gu;
// UK National Insurance number (HMRC NIM39110): two prefix letters — neither D, F, I, Q, U, V,
// the second not O, and not BG, GB, KN, NK, NT, TN, ZZ — six digits, suffix A–D.
const NINO =
  /(?<![\p{L}\p{N}])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\p{N}])/gu;
// A US SSN without separators is any 9 digits; only taken when an SSN cue precedes it closely.
const SSN_BARE = /(?<![\d\-.])(?!000|666|9\d\d)\d{3}(?!00)\d{2}(?!0000)\d{4}(?!\d|[.,]\d)/g;
const SSN_CUE = /(?:ssn|social\s+security|soc\.?\s*sec)/i;

export function isValidSteuerId(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (Number(digits[i]) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  // Also: in the first ten digits exactly one digit repeats (2 or 3 times) — rules since 2016.
  const counts = new Map<string, number>();
  for (const d of digits.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  const repeated = [...counts.values()].filter((c) => c > 1);
  return check === Number(digits[10]) && repeated.length === 1 && (repeated[0] === 2 || repeated[0] === 3);
}

export function isValidNir(value: string): boolean {
  const s = value.replace(/\s/g, "").toUpperCase();
  if (!/^[12]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2[AB])\d{8}$/.test(s)) return false;
  const body = s.slice(0, 13).replace("2A", "19").replace("2B", "18");
  const key = 97 - Number(BigInt(body) % 97n);
  return key === Number(s.slice(13));
}

/** Check digit of the German pension insurance number (DRV): the letter becomes its 2-digit alphabet position, weights 2,1,2,5,7,1,2,1,2,1,2,1, the digit sums of the products mod 10. */
export function isValidRvnr(value: string): boolean {
  const m = /^(\d{8})([A-Z])(\d{2})(\d)$/.exec(value.replace(/\s/g, ""));
  if (!m) return false;
  const [, head = "", letter = "A", serial = "", check] = m;
  const digits = `${head}${String(letter.charCodeAt(0) - 64).padStart(2, "0")}${serial}`;
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const product = Number(digits[i]) * (weights[i] ?? 0);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return sum % 10 === Number(check);
}

function bareSsnSpans(text: string): Span[] {
  if (!SSN_CUE.test(text)) return [];
  return matchAll(text, SSN_BARE, "ID", (m) =>
    SSN_CUE.test(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0)),
  );
}

export const nationalId: Recognizer = (text) => {
  if (!/\d/.test(text)) return [];
  return [
    ...matchAll(text, SSN, "ID"),
    ...matchAll(text, STEUER_ID, "ID", (m) => isValidSteuerId(m[0].replace(/\s/g, ""))),
    ...matchAll(text, NIR, "ID", (m) => isValidNir(m[0])),
    ...groupSpans(text, PASSPORT, "ID", 1, (v) => /\d/.test(v)),
    ...matchAll(text, RVNR, "ID", (m) => isValidRvnr(m[0])),
    ...matchAll(text, NINO, "ID"),
    ...bareSsnSpans(text),
  ];
};
