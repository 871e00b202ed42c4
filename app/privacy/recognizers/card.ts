import type { Recognizer, Span } from "./Recognizer";

// Runs of digit groups joined by single spaces or hyphens; a card is a window of whole groups
// (a run may hold an IBAN's tail and a card: "… 0130 00 4111 1111 1111 1111").
const RUN = /(?<![\d.,\-/])\d+(?:[ -]\d+)*(?![\d\-/]|[.,]\d)/g;
// Issuer prefixes with their lengths: Amex, Visa, Mastercard, Diners/JCB, Discover/UnionPay, Maestro.
const ISSUERS: Array<[RegExp, number[]]> = [
  [/^3[47]/, [15]],
  [/^4/, [13, 16, 19]],
  [/^(?:5[1-5]|2[2-7])/, [16]],
  [/^35/, [16, 17, 18, 19]], // JCB
  [/^(?:2131|1800)/, [15]], // JCB (old)
  [/^3[0689]/, [14, 15, 16, 17, 18, 19]],
  [/^6/, [12, 13, 14, 15, 16, 17, 18, 19]], // Discover, UnionPay, Maestro 6304/6759
  [/^5[06-9]/, [12, 13, 14, 15, 16, 17, 18, 19]],
];
// Numbers introduced as orders, invoices, tracking or customer numbers are not cards.
const NOT_A_CARD =
  /(?:order|invoice|tracking|shipment|reference|ref|bestell|rechnung|sendung|commande|facture|suivi)\w*\s*(?:number|no\.?|nr\.?|#|n°|numéro|nummer)?\s*[:#]?\s*$/i;

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

function isCard(digits: string): boolean {
  const lengths = ISSUERS.find(([prefix]) => prefix.test(digits))?.[1] ?? [];
  return lengths.includes(digits.length) && !/^(\d)\1+$/.test(digits) && luhn(digits);
}

/** The longest valid windows of whole groups, left to right. */
function cardsInRun(text: string, runStart: number, run: string): Span[] {
  const groups = [...run.matchAll(/\d+/g)].map((g) => ({ start: runStart + (g.index ?? 0), digits: g[0] }));
  const spans: Span[] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = groups.length - 1; j >= i; j--) {
      const window = groups.slice(i, j + 1);
      const first = window[0];
      const last = window[window.length - 1];
      if (!first || !last || !isCard(window.map((g) => g.digits).join(""))) continue;
      if (NOT_A_CARD.test(text.slice(Math.max(0, first.start - 40), first.start))) continue;
      spans.push({ start: first.start, end: last.start + last.digits.length, type: "CARD" });
      i = j;
      break;
    }
  }
  return spans;
}

export const card: Recognizer = (text) => {
  const spans: Span[] = [];
  for (const m of text.matchAll(RUN)) {
    if (m[0].replace(/\D/g, "").length >= 12) spans.push(...cardsInRun(text, m.index ?? 0, m[0]));
  }
  return spans;
};
