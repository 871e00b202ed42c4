import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { foldWord, isCommonWord, isVocabularyWord } from "../commonWords";
import { isEnglishWord } from "../names/englishWords";
import { medicalTerms } from "./medicalTerms";

/**
 * French names of conditions, as data: the titles of the CIM-10 (WHO's ICD-10 in its French
 * edition, 39,751 codes, 2016) shipped by the npm package `icd10` 1.0.1 (ISC). Built once, the
 * first time a French text is scanned (~0.3 s CPU, ~5 MB kept).
 *
 * Only the chapters of diseases and injuries are read (codes A00–P96, S00–T98). Left out:
 * malformations (Q: their titles begin with body parts, "Hanche", "Thorax"), symptoms and signs
 * (R: "Tristesse", "Agitation", "Toux" are ordinary words in a letter), external causes (V–Y:
 * "Piéton blessé dans une collision…") and the factors of chapter Z ("Difficultés liées au
 * logement"), which describe circumstances, not conditions.
 *
 * What the titles give (folded like the text: lowercase, no diacritics):
 * - `names`: a title that is one word before its qualifiers ("Thyroïdite", "Zona [herpes
 *   zoster]", "Coxarthrose, sans précision") names a condition by itself, unless the word is
 *   everyday en/de/fr vocabulary or an English word too ("contractions", "delirium": those
 *   follow the English rules of medical.ts, where ordinary words need a cue);
 * - `heads`: words that begin five titles or more, are not among the 1,000 commonest words, and
 *   are medical by themselves (in `names`, or the English medical dictionary: "syndrome",
 *   "fracture") or outside the everyday vocabulary ("hernie", "entorse"): French condition names
 *   are built on them ("syndrome du canal carpien", "hernie discale", "entorse de la cheville");
 * - `words`: every word of those titles, which may continue a name after its head.
 */
export interface FrenchConditions {
  names: Set<string>;
  heads: Set<string>;
  words: Set<string>;
}

/** A word heads condition names when this many titles begin with it. */
const MIN_TITLES_PER_HEAD = 5;
/** Shorter first words are abbreviations or particles. */
const MIN_NAME_LENGTH = 4;
const DATA_FILE = "icd10/data/2016/liste-CIM10 - liste CIM10.tsv";
const CONDITION_CODE = /^(?:[A-P]|[ST])\d/;
const WORD = /[\p{L}][\p{L}-]*/gu;
// What follows a condition's name in a title: ", sans précision", " - Poignet", "[herpes zoster]", "(aiguë)".
const QUALIFIER = /,| - |\[|\(| sans pr[eé]cision| SAI\b/;

let cached: FrenchConditions | undefined;

/** A copy that does not keep the 4.4 MB file alive (V8 keeps a slice's parent string). */
function flat(s: string): string {
  return Buffer.from(s, "utf8").toString("utf8");
}

function titles(): string[] {
  const path = createRequire(import.meta.url).resolve(DATA_FILE);
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.split("\t"))
    .filter(([code]) => CONDITION_CODE.test(code ?? ""))
    .map(([, title]) => (title ?? "").trim());
}

export function frenchConditions(): FrenchConditions {
  if (cached) return cached;
  const words = new Set<string>();
  const firstWords = new Map<string, number>();
  const singles = new Set<string>();
  for (const title of titles()) {
    const tokens = [...title.matchAll(WORD)].map((m) => flat(foldWord(m[0])));
    for (const token of tokens) words.add(token);
    const first = tokens[0];
    if (first) firstWords.set(first, (firstWords.get(first) ?? 0) + 1);
    const core = title.split(QUALIFIER)[0]?.match(WORD) ?? [];
    if (core.length === 1) singles.add(foldWord(core[0] as string));
  }
  const names = new Set(
    [...singles].filter((w) => w.length >= MIN_NAME_LENGTH && !isVocabularyWord(w) && !isEnglishWord(w)),
  );
  const { all } = medicalTerms();
  const heads = new Set(
    [...firstWords]
      .filter(
        ([w, n]) =>
          n >= MIN_TITLES_PER_HEAD && !isCommonWord(w) && (names.has(w) || all.has(w) || !isVocabularyWord(w)),
      )
      .map(([w]) => w),
  );
  cached = { names, heads, words };
  return cached;
}
