import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import { isEnglishWord } from "../names/englishWords";

/**
 * English medical vocabulary from @cspell/dict-medicalterms (98k entries: conditions, drugs,
 * anatomy, procedures — and many ordinary words like "blood", "test", "fast"). Loaded once, on
 * first use (~70 ms). Only words that are NOT ordinary English (the word-list dictionary) are
 * private on their own ("sertraline", "hypothyroidism"); the others ("diabetes", "asthma") need
 * a cue or a medical word shape (see medical.ts).
 */
export interface MedicalTerms {
  /** Every lowercase entry, folded ("diabetes", "blood", "sertraline"). */
  all: Set<string>;
  /** Entries that are not ordinary English words: private wherever they appear. */
  technical: Set<string>;
}

let cached: MedicalTerms | undefined;
let acronyms: Set<string> | undefined;

function dictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return require
    .resolve("@cspell/dict-medicalterms/cspell-ext.json")
    .replace(/cspell-ext\.json$/, "dict/medicalterms-en.txt.gz");
}

function entries(): string[] {
  return gunzipSync(readFileSync(dictionaryPath())).toString("utf8").split("\n");
}

/**
 * The dictionary's acronyms, as written: an upper-case letter and more capitals or digits
 * ("TSH", "PSA", "CRP", "IgE"), the names of lab tests among them. Read on first use.
 */
export function medicalAcronyms(): Set<string> {
  acronyms ??= new Set(entries().filter((w) => /^[A-Z][A-Za-z0-9]{1,6}$/.test(w) && /[A-Z0-9]/.test(w.slice(1))));
  return acronyms;
}

export function medicalTerms(): MedicalTerms {
  if (cached) return cached;
  // Capitalised entries are mostly eponyms and company names ("Siemens", "AccuTech"): cue-only.
  const all = new Set(entries().filter((w) => /^[a-z][a-z'-]*[a-z]$/.test(w)));
  const technical = new Set([...all].filter((w) => w.length >= 6 && !w.includes("'") && !isEnglishWord(w)));
  cached = { all, technical };
  return cached;
}
