import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { Recognizer, Span } from "./Recognizer";

// Cheap candidates first (libphonenumber's own text scan is too slow for our budget), then
// libphonenumber validates each candidate with the locale's country as default.
const CANDIDATE = /(?<![\p{L}\p{N}+\-\/.,])(?:\+|00)?\(?\d[\d().\/\- ]{5,22}\d(?![\p{N}]|[.,\-\/]\d)/gu;
const KEYWORD = /(?:phone|tel|telephone|mobile|cell|call|fax|whatsapp|telefon|handy|mobil|ruf|portable|telephone|appel(?:ez|er)?)\.?(?:\s*(?:number|no|nummer|nr|numero))?\.?\s*(?:me\s*)?(?:at|on|unter|au)?\s*[:.]?\s*$/i;
const DATE_LIKE = /^(?:\d{1,4}[.\/\-]\d{1,2}[.\/\-]\d{1,4}|\d{4}\s*[\-–]\s*\d{4})$/;
const VERSION_BEFORE = /(?:\bv|version|ver\.?|release|build|rev\.?)\s*$/i;
const FALLBACK_COUNTRIES: CountryCode[] = ["US", "GB", "DE", "FR"];

function digitsOf(s: string): string {
  return s.replace(/\D/g, "");
}

function isValidNumber(candidate: string, country: string): boolean {
  const countries = [country as CountryCode, ...FALLBACK_COUNTRIES.filter((c) => c !== country)];
  for (const c of candidate.startsWith("+") ? [country as CountryCode] : countries) {
    try {
      if (parsePhoneNumberFromString(candidate, c)?.isValid()) return true;
    } catch {
      // libphonenumber throws on some malformed input: simply not a number.
    }
  }
  return false;
}

/** Grouped like a phone number: three or more groups of digits ("60-56-85-91", "(37) 788-063"). */
function looksGrouped(candidate: string): boolean {
  const groups = candidate.split(/[\s().\/\-]+/).filter(Boolean);
  return groups.length >= 3 && groups.every((g) => g.length >= 2 && g.length <= 5);
}

export const phone: Recognizer = (text, context) => {
  const spans: Span[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index ?? 0;
    const raw = m[0].replace(/[\s(\-\/.]+$/, "");
    const digits = digitsOf(raw).length;
    if (digits < 7 || digits > 15 || DATE_LIKE.test(raw.trim())) continue;
    const before = text.slice(Math.max(0, start - 30), start);
    if (VERSION_BEFORE.test(before) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(raw)) continue;
    if (isValidNumber(raw, context.country) || KEYWORD.test(before) || looksGrouped(raw)) {
      spans.push({ start, end: start + raw.length, type: "PHONE" });
    }
  }
  return spans;
};
