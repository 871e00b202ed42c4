import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import { isEnglishWord } from "../names/englishWords";

/**
 * English medical vocabulary from @cspell/dict-medicalterms (98k entries: conditions, drugs,
 * anatomy, procedures — and many ordinary words like "blood", "test", "fast"). Loaded once, on
 * first use (~70 ms, plus the frequency lists below). Only words that are NOT everyday English
 * (outside the word-list dictionary, or outside the frequency lists of everydayEnglish) are
 * private on their own ("sertraline", "hypothyroidism", "donepezil"); the others ("diabetes",
 * "asthma") need a cue or a medical word shape (see medical.ts).
 */
export interface MedicalTerms {
  /** Every lowercase entry, folded ("diabetes", "blood", "sertraline"). */
  all: Set<string>;
  /** Entries that are not everyday English words: private wherever they appear in English text. */
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

/**
 * English words in everyday use, by frequency rather than dictionary membership: the 55,830
 * commonest words of the OpenSubtitles 2024 English counts and the 29,782 commonest of English
 * Wikipedia that @zxcvbn-ts/language-en ships (`commonWords`: ODC-BY via OPUS; `wikipedia`;
 * package MIT), and its first names and surnames (the medical dictionary lists "bertram",
 * "alberta"). A dictionary word outside them is rare in everyday text ("methotrexate",
 * "allopurinol", "thyroxine", "donepezil"); "expiring" or "obsolescence" are not.
 */
function everydayEnglish(): Set<string> {
  const require = createRequire(import.meta.url);
  // The package's entry point expands its compressed lists (the raw name files are prefix-coded).
  const { dictionary } = require("@zxcvbn-ts/language-en") as { dictionary: Record<string, string[]> };
  const read = (name: string) => dictionary[`${name}-en`] ?? [];
  return new Set([...read("commonWords"), ...read("wikipedia"), ...read("firstnames"), ...read("lastnames")]);
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
  const everyday = everydayEnglish();
  const technical = new Set(
    [...all].filter((w) => w.length >= 6 && !w.includes("'") && (!isEnglishWord(w) || !everyday.has(w))),
  );
  cached = { all, technical };
  return cached;
}
