import type { Recognizer, Span } from "./Recognizer";

// 12–19 digits, optionally grouped by single spaces or hyphens.
const CANDIDATE = /(?<![\d.,\-\/])\d(?:[ \-]?\d){11,18}(?![\d\-\/]|[.,]\d)/g;
// Issuer prefixes: Visa, Mastercard, Amex, Diners, Discover, JCB, Maestro, UnionPay.
const ISSUER = /^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|6|5[06-9])/;
// Numbers introduced as orders, invoices, tracking or customer numbers are not cards.
const NOT_A_CARD = /(?:order|invoice|tracking|shipment|reference|ref|bestell|rechnung|sendung|commande|facture|suivi)\w*\s*(?:number|no\.?|nr\.?|#|n°|numéro|nummer)?\s*[:#]?\s*$/i;

/** Luhn checksum (ISO/IEC 7812). */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const card: Recognizer = (text) => {
  const spans: Span[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const digits = m[0].replace(/\D/g, "");
    const start = m.index ?? 0;
    if (!ISSUER.test(digits) || /^(\d)\1+$/.test(digits) || !luhn(digits)) continue;
    if (NOT_A_CARD.test(text.slice(Math.max(0, start - 40), start))) continue;
    spans.push({ start, end: start + m[0].length, type: "CARD" });
  }
  return spans;
};
