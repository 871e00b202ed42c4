import { foldWord } from "../commonWords";
import { monthNames } from "./monthNames";

/**
 * Proper nouns that are public knowledge, from CLDR through the JavaScript Intl API (no word is
 * typed in here): the names of weekdays and months in English, German and French. "Monday",
 * "März", "avril" are nobody's private data.
 */
const LANGUAGES = ["en", "de", "fr"] as const;

let calendar: Set<string> | null = null;

/** Folded weekday and month names in full ("Monday", "janvier"; short forms like "Sam" or "Mar" are names too). */
export function calendarWords(): Set<string> {
  if (calendar) return calendar;
  const out = new Set<string>();
  for (const language of LANGUAGES) {
    const weekday = new Intl.DateTimeFormat(language, { weekday: "long", timeZone: "UTC" });
    // 2024-01-01 was a Monday: seven days give every weekday.
    for (let d = 0; d < 7; d++) addWords(out, weekday.format(Date.UTC(2024, 0, 1 + d)));
    for (const month of monthNames(language).long) addWords(out, month);
  }
  calendar = out;
  return out;
}

function addWords(out: Set<string>, formatted: string): void {
  for (const word of formatted.split(/[\s.]+/)) if (/^\p{L}{3,}$/u.test(word)) out.add(foldWord(word));
}
