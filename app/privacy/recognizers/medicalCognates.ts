import { isVocabularyWord } from "../commonWords";
import { medicalTerms } from "./medicalTerms";

/**
 * German and French medical words read through their English cognate: no maintained npm package
 * ships de/fr medical vocabulary (searched: ICD-10/11 titles, drug lists, medical dictionaries),
 * but most conditions, procedures and drugs are the same Greek/Latin word with a national ending
 * ("Levothyroxin" = levothyroxine, "Arthrose"/"arthrose" = arthrosis, "polyarthrite" =
 * polyarthritis, "Karzinom"/"carcinome" = carcinoma, "Epilepsie" = epilepsy). So the data stays
 * @cspell/dict-medicalterms; this file holds only the regular ending correspondences of de/fr
 * medical word formation, and a word counts when its English form is a technical entry of the
 * dictionary (not ordinary English: "Familie" → "family" does not count) and the word itself is
 * not among the 10,000 commonest words of en/de/fr.
 */
// [de/fr ending, English ending, the English ending is medical word formation itself].
const ENDINGS: ReadonlyArray<readonly [RegExp, string, boolean]> = [
  [/ose$/, "osis", true], // de/fr: Arthrose, Thrombose, sclérose → -osis
  [/ite$/, "itis", true], // fr: arthrite, bronchite, polyarthrite → -itis
  [/om$/, "oma", true], // de: Melanom, Glaukom, Karzinom → -oma
  [/ome$/, "oma", true], // fr: mélanome, glaucome, carcinome → -oma
  [/ie$/, "ia", true], // de/fr: Schizophrenie, Pneumonie → -ia
  [/ie$/, "y", false], // de/fr: Epilepsie, Neuropathie → -y ("Familie" → "family": needs a technical entry)
  [/in$/, "ine", false], // de: Levothyroxin, Sertralin → -ine
  [/ine$/, "in", false], // fr: metformine, insuline → -in
  [/ismus$/, "ism", false], // de: Hypothyreoidismus → -ism
  [/isme$/, "ism", false], // fr: hypothyroïdisme → -ism
];
// German k and z for Latin c ("Karzinom", "Zyste"), applied together and alone.
const SPELLINGS: ReadonlyArray<(s: string) => string> = [
  (s) => s.replace(/k/g, "c"),
  (s) => s.replace(/z/g, "c"),
  (s) => s.replace(/[kz]/g, "c"),
];

interface Form {
  english: string;
  /** The English ending is medical by itself (-osis, -itis, -oma, -ia). */
  medicalEnding: boolean;
}

/** The English forms a de/fr word may have: ending swaps, each with and without the spelling swaps. */
export function englishForms(word: string): Form[] {
  const forms: Form[] = [];
  for (const [ending, english, medicalEnding] of ENDINGS) {
    if (!ending.test(word)) continue;
    const swapped = word.replace(ending, english);
    for (const form of new Set([swapped, ...SPELLINGS.map((spell) => spell(swapped))]))
      forms.push({ english: form, medicalEnding });
  }
  return forms;
}

/**
 * A de/fr word (folded, lowercase) whose English cognate is in the medical dictionary: with a
 * medical ending, any entry ("arthrosis", "melanoma"); otherwise a technical entry or one the
 * caller knows by its shape (`shaped`: INN drug stems, "metformin").
 */
export function isMedicalCognate(lower: string, shaped: (english: string) => boolean = () => false): boolean {
  if (lower.length < 7 || isVocabularyWord(lower)) return false;
  const { all, technical } = medicalTerms();
  return englishForms(lower).some(
    ({ english, medicalEnding }) => all.has(english) && (medicalEnding || technical.has(english) || shaped(english)),
  );
}

// Words with one of those endings: the only candidates (most words of a text end otherwise).
export const COGNATE_CANDIDATE = /(?<![A-Za-z])[A-Za-z]{4,}(?:in|ine|ie|ose|om|ome|ite|ismus|isme|ase)(?![A-Za-z])/g;
