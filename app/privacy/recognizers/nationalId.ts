import { groupSpans, matchAll, type Recognizer, type Span } from "./Recognizer";

// US SSN: area 001–899 except 666, group and serial not zero.
const SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g;
// German tax id (Steuer-ID): 11 digits, first not 0, ISO 7064 MOD 11,10 check digit.
const STEUER_ID = /(?<![\d\-/.])[1-9]\d(?: ?\d{3}){3}(?![\d\-/]|[.,]\d)/g;
// French NIR: sex, year, month, department (2A/2B for Corsica), commune, order, 2-digit key.
const NIR = /(?<![\p{L}\p{N}])[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\p{L}\p{N}])/giu;
// Passport numbers after the word passport (en/de/fr, folded text).
const PASSPORT = /(?:passport|reisepass|pass|passeport)(?:\s*(?:number|no|nr|nummer|numero|n°|#))?\.?\s*[:#]?\s*([A-Z0-9]{6,9})\b/dgi;
// "Number after a keyword": customer, policy, account, member numbers … (en/de/fr, folded).
const KEYWORD_NUMBER = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:policy|account|acct|customer|client|member(?:ship)?|patient|insurance|case|claim|contract|licen[cs]e|driver'?s licen[cs]e|tax|student|employee|personnel|social security|national insurance|identity|id|vat|booking|reservation|ticket|reference|ref)\s*(?:number|no\.?|nr\.?|num|#|id|code)` +
    String.raw`|ssn|nin|kundennummer|kundennr|versicherungsnummer|versichertennummer|mitgliedsnummer|vertragsnummer|aktenzeichen|personalnummer|steuernummer|steuer-?id|steueridentifikationsnummer|matrikelnummer|ausweisnummer|personalausweis(?:nummer)?|sozialversicherungsnummer|rentenversicherungsnummer` +
    String.raw`|numero\s+(?:de\s+)?(?:client|contrat|securite\s+sociale|dossier|police|adherent|fiscal|(?:d')?allocataire|(?:d')?assure|passeport)|n°\s*(?:client|contrat|dossier|police|adherent|fiscal|allocataire|securite\s+sociale))` +
    String.raw`\.?\s*(?:(?:is|ist|est|lautet)\s+|[:#=]\s*)?[:#]?\s*(?:[A-Z]{2,6}\s+(?=\d))?((?:[A-Z]{1,4}[\-\/ ]?)?\d[\dA-Z]*(?:[\-\/ .]\d[\dA-Z]*){0,6})`,
  "dgiu",
);

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

/** Trims the identifier at the first word that is clearly not part of it ("123 and"). */
function keywordNumberSpans(text: string): Span[] {
  return groupSpans(text, KEYWORD_NUMBER, "ID", 1, (v) => (v.match(/\d/g)?.length ?? 0) >= 3).map((s) => {
    const value = text.slice(s.start, s.end);
    const cut = /\s+[A-Z]*[a-z][A-Za-z]*(?:\s|$)/.exec(value);
    return cut ? { ...s, end: s.start + cut.index } : s;
  });
}

export const nationalId: Recognizer = (text) => {
  if (!/\d/.test(text)) return [];
  return [
    ...matchAll(text, SSN, "ID"),
    ...matchAll(text, STEUER_ID, "ID", (m) => isValidSteuerId(m[0].replace(/\s/g, ""))),
    ...matchAll(text, NIR, "ID", (m) => isValidNir(m[0])),
    ...groupSpans(text, PASSPORT, "ID", 1, (v) => /\d/.test(v)),
    ...keywordNumberSpans(text),
  ];
};
