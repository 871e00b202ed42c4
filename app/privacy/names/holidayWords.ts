import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { lexicon } from "./lexicon";

/**
 * Words of public holiday names in English, German and French ("Christmas", "Weihnachtstag",
 * "Toussaint", "Ramadan", "Thanksgiving"), from the date-holidays package's worldwide data
 * (data/holidays.json, read as data; its date code is not used). A holiday is nobody's private
 * data. A word counts when it is a holiday's whole name ("Halloween", "Noël") or recurs in three
 * or more of them ("Christmas" Day/Eve/…), and is not a given name ("Patrick" of Saint
 * Patrick's Day stays a name) nor a listed place ("Poland" of Poland's holidays stays a place).
 * Folded like the text.
 */
let cached: Set<string> | null = null;

function holidayNames(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) holidayNames(item, out);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === "name" && value && typeof value === "object" && !Array.isArray(value)) {
        const names = value as Record<string, unknown>;
        for (const language of ["en", "de", "fr"])
          if (typeof names[language] === "string") out.add(names[language] as string);
      } else holidayNames(value, out);
    }
  }
}

let cachedNames: Set<string> | null = null;

/** Every holiday name of date-holidays in en/de/fr, as written ("Boxing Day", "Fourth of July"). */
export function holidayNameList(): Set<string> {
  if (cachedNames) return cachedNames;
  const require = createRequire(import.meta.url);
  const path = join(dirname(require.resolve("date-holidays/package.json")), "data", "holidays.json");
  const names = new Set<string>();
  holidayNames(JSON.parse(readFileSync(path, "utf8")), names);
  cachedNames = names;
  return names;
}

export function holidayWords(): Set<string> {
  if (cached) return cached;
  const names = holidayNameList();
  const lex = lexicon();
  const counts = new Map<string, number>();
  const words = new Set<string>();
  for (const name of names) {
    const parts = (name.match(/\p{Lu}[\p{L}\p{M}]+/gu) ?? []).map((w) =>
      w.toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/\p{M}/gu, ""),
    );
    if (parts.length === 1 && /^\p{Lu}[\p{L}\p{M}]+$/u.test(name.trim())) words.add(parts[0] as string);
    for (const part of new Set(parts)) counts.set(part, (counts.get(part) ?? 0) + 1);
  }
  for (const [word, n] of counts) if (n >= 3) words.add(word);
  for (const word of words) if (lex.givenNames.has(word) && !lex.ordinary.has(word)) words.delete(word);
  // A country or town in several holidays' names ("… of Poland", "Russia Day", "Europe Day") is still a place.
  for (const word of words) if (lex.places.has(word)) words.delete(word);
  cached = words;
  return words;
}
