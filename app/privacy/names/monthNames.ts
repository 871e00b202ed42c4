/**
 * The twelve month names of a language, from CLDR through the JavaScript Intl API (no word is
 * typed in here), as written: long ("März", "janvier") and short ("Mär", "janv", "Jun"; Intl's
 * abbreviation dot dropped). The one source of month names for the engine (calendarWords) and
 * for Auto's date check (findUnclassified); each derives the folded form it compares with.
 */
export interface MonthNames {
  long: readonly string[];
  short: readonly string[];
}

const cache = new Map<string, MonthNames>();
const lowered = new Map<string, ReadonlySet<string>>();

/** `language`'s month names (cached per language); a language Intl does not know gets its default locale's. */
export function monthNames(language: string): MonthNames {
  const hit = cache.get(language);
  if (hit) return hit;
  const names = { long: namesOf(language, "long"), short: namesOf(language, "short") };
  cache.set(language, names);
  return names;
}

/** Whether `word` is one of `language`'s month names, long or short, in any case ("JUNI", "mars"). */
export function isMonthName(word: string, language: string): boolean {
  let set = lowered.get(language);
  if (!set) {
    const { long, short } = monthNames(language);
    set = new Set([...long, ...short].map((name) => name.toLowerCase()));
    lowered.set(language, set);
  }
  return set.has(word.toLowerCase());
}

function namesOf(language: string, month: "long" | "short"): string[] {
  const format = new Intl.DateTimeFormat(language, { month, timeZone: "UTC" });
  // The 15th: no time zone moves it into the next or previous month.
  return Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2024, m, 15)).replace(/\.$/u, ""));
}
