import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import type { Recognizer, Span } from "./Recognizer";

// Cheap candidates first (libphonenumber's own text scan is too slow for our budget): runs of
// digit groups. A run may hold several things ("192.168.14.7 (415) 555-2671"), so windows of
// whole groups are tried, longest first; libphonenumber validates with the locale's country.
const RUN = /(?:\+|\(|(?<![\p{L}\p{N}+\-/.,]))\d+(?:[\s()./-]{1,3}\d+)*\)?/gu;
const KEYWORD =
  /(?:phone|tel|telephone|mobile|cell|call|fax|whatsapp|desk|office|landline|telefon|handy|mobil|festnetz|buro|ruf|portable|fixe|bureau|appel(?:ez|er)?)\.?(?:\s*(?:number|no|nummer|nr|numero))?\.?\s*(?:me\s*)?(?:at|on|unter|au)?\s*[:.]?\s*$/i;
const DATE_LIKE = /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}\s*[-–]\s*\d{4})$/;
const VERSION_BEFORE = /\b(?:v|version|ver\.?|release|build|rev\.?)\s*$/i;
const MAX_GROUPS = 7;
// Countries whose national numbers are written with a leading 0 ("030 …", "06 …", "07700 …").
const TRUNK_ZERO = new Set(["DE", "FR", "GB", "AT", "CH", "NL", "BE", "IT"]);

/**
 * Valid for the locale's country, or international ("+44 …", "0049 …"). Other countries'
 * national formats are not tried: nearly any 10–15 digits are valid somewhere.
 */
function isValidNumber(candidate: string, country: string): boolean {
  if (TRUNK_ZERO.has(country) && !/^(?:\+|00|\(?0)/.test(candidate)) return false;
  try {
    const international = candidate.replace(/^00/, "+");
    const parsed = parsePhoneNumberFromString(international, country as CountryCode);
    // Written internationally with 10+ digits, a possible number of its country is one even in
    // an unassigned range ("+447700 921 916"): nobody writes "+" before other numbers.
    if (candidate.startsWith("+") && international.replace(/\D/g, "").length >= 10 && parsed?.isPossible()) return true;
    return parsed?.isValid() ?? false;
  } catch {
    return false; // libphonenumber throws on some malformed input: simply not a number.
  }
}

/** Grouped like a phone number: three or more groups of digits ("60-56-85-91", "(37) 788-063"). */
function looksGrouped(candidate: string): boolean {
  const groups = candidate.split(/[\s()./-]+/).filter(Boolean);
  return groups.length >= 3 && groups.every((g) => g.length >= 2 && g.length <= 5);
}

/** `wholeRun`: the grouping heuristic applies only to a run on its own, not to part of a longer number. */
function isPhone(text: string, start: number, raw: string, country: string, wholeRun: boolean): boolean {
  const digits = raw.replace(/\D/g, "").length;
  if (digits < 7 || digits > 15 || DATE_LIKE.test(raw)) return false;
  // Versions and IPs: dotted groups with a one-digit part, or four dotted groups of up to three digits.
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(raw) || (raw.includes(".") && /(?:^|\.)\d(?:\.|$)/.test(raw))) return false;
  const before = text.slice(Math.max(0, start - 30), start);
  if (VERSION_BEFORE.test(before)) return false;
  return isValidNumber(raw, country) || KEYWORD.test(before) || (wholeRun && looksGrouped(raw));
}

/** Digit groups of a run with their offsets; a "+" or "(" right before a group belongs to it. */
function groupsOf(run: string, runStart: number): Array<{ start: number; end: number }> {
  return [...run.matchAll(/[+(]?\d+\)?/g)].map((g) => ({
    start: runStart + (g.index ?? 0),
    end: runStart + (g.index ?? 0) + g[0].length,
  }));
}

function phonesInRun(text: string, runStart: number, run: string, country: string): Span[] {
  const groups = groupsOf(run, runStart);
  const spans: Span[] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = Math.min(groups.length - 1, i + MAX_GROUPS - 1); j >= i; j--) {
      const start = groups[i]?.start ?? 0;
      const end = groups[j]?.end ?? 0;
      let raw = text.slice(start, end);
      if (raw.startsWith("(") !== raw.includes(")")) raw = raw.startsWith("(") ? raw.slice(1) : raw.replace(/\)$/, "");
      const rawStart = raw.startsWith("(") || text[start] !== "(" ? start : start + 1;
      const wholeRun = i === 0 && j === groups.length - 1;
      // Part of a longer digit run only when it starts like a phone number ("+", "0", "(").
      if (!wholeRun && !/^[+(0]/.test(raw)) continue;
      if (!isPhone(text, rawStart, raw, country, wholeRun)) continue;
      spans.push({ start: rawStart, end: rawStart + raw.length, type: "PHONE" });
      i = j;
      break;
    }
  }
  return spans;
}

export const phone: Recognizer = (text, context) => {
  const spans: Span[] = [];
  for (const m of text.matchAll(RUN)) {
    if (m[0].replace(/\D/g, "").length >= 7) spans.push(...phonesInRun(text, m.index ?? 0, m[0], context.country));
  }
  return spans;
};
