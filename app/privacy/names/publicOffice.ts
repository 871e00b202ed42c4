import { isVocabularyWord } from "../commonWords";
import { lexicon } from "./lexicon";
import { isFirstName, isLastName, type Token } from "./nameTokens";
import { publicBodies } from "./publicBodies";
import { publicTitles, titleEndAt } from "./publicTitles";
import { tiedToUser } from "./userTies";
import type { Span } from "../recognizers/Recognizer";

/**
 * A public office named by what it is and where (issue #11, retention): the head noun of a public
 * body plus place names or everyday words — "Finanzamt Heidelberg", "Stadtwerke München",
 * "Bundesagentur für Arbeit", "Springfield City Council", "Federal Employment Agency",
 * "Agence régionale de santé". Such a name describes an office every resident deals with; it
 * identifies the user only when the text ties it to them (userTies.ts), which callers check.
 *
 * English heads are WordNet's (publicBodies.ts: "agency", "department", "council", "bureau",
 * "commission", "tribunal"). German and French heads are the same institution types in those
 * languages — grammar, a closed class, no names: German compounds ending in "-amt" (Finanzamt,
 * Standesamt, Landratsamt), "-behörde", "-agentur", "-ministerium", "-gericht", "-verwaltung",
 * the statutory insurers' "-kasse" compounds (Krankenkasse, Familienkasse, Pflegekasse; not
 * Sparkasse, a bank), Jobcenter, Rathaus, Stadtwerke, Rentenversicherung; French caisse, agence,
 * ministère, mairie, préfecture, tribunal, conseil, direction, office.
 * A school, practice, bank or company head is not one: those are the user's far more often.
 * An English public office title (WordNet's, publicTitles.ts: "Attorney General", "Secretary of
 * State") counts as a head: "the Ohio Attorney General" is an office with a place.
 */
const GERMAN_HEAD =
  /^(?:\p{L}*(?:amt|amter|behorde|agentur|ministerium|gericht|verwaltung)|(?:kranken|familien|pflege|renten|unfall)kasse|jobcenter|rathaus|stadtwerke|\p{L}*rentenversicherung|polizei)$/u;
const FRENCH_HEAD = /^(?:caisse|agence|ministere|mairie|prefecture|sous-prefecture|tribunal|conseil|direction|office)$/;

export function isPublicOfficeHead(lower: string): boolean {
  return publicBodies().heads.has(lower) || GERMAN_HEAD.test(lower) || FRENCH_HEAD.test(lower);
}

/** Where a listed place of one or more words ("Heidelberg", "New York") starting at `lowers[i]` ends, or -1. */
export function placeEndAt(lowers: readonly string[], i: number): number {
  const { places, maxPhraseWords } = lexicon();
  for (let n = Math.min(maxPhraseWords, lowers.length - i); n >= 1; n--)
    if (places.has(lowers.slice(i, i + n).join(" "))) return i + n;
  return -1;
}

/** An everyday word that is no given name or surname ("Arbeit", "Labor", "Defence"). */
function isPlainWord(t: Token): boolean {
  return isVocabularyWord(t.lower) && !isFirstName(t.lower) && !isLastName(t.lower);
}

/**
 * The words of a capitalized run name a public office: a public-office head, places before or
 * after it ("Finanzamt Heidelberg", "Springfield City Council" needs "City" to be a place, so it
 * is not one), and everyday words only in its remit after a connector ("Bundesagentur für
 * Arbeit", "Department of Labor", "Caisse d'allocations familiales du Rhône"). "Sparkasse
 * KölnBonn", "Kita Sonnenschein", "Federal Employment Agency" are not.
 */
export function isPublicOffice(tokens: readonly Token[]): boolean {
  return officePlaces(tokens) !== null;
}

/** The token ranges [from, to) of the places in a public office's name, or null when the words name no public office. */
function officePlaces(tokens: readonly Token[]): Array<[number, number]> | null {
  let head = false;
  let remit = false;
  const places: Array<[number, number]> = [];
  const lowers = tokens.map((t) => t.lower);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // A public office title ("Ohio Attorney General", "the Solicitor General"): an office, held by whoever holds it.
    const title = t.capitalized ? titleEndAt(lowers, i) : -1;
    const place = t.capitalized && title < 0 ? placeEndAt(lowers, i) : -1;
    if (title > 0) [head, i] = [true, title - 1];
    else if (!t.capitalized) remit = head;
    else if (isPublicOfficeHead(t.lower)) head = true;
    else if (place > 0) [places[places.length], i] = [[i, place], place - 1];
    else if (head && seatEndAt(tokens, i) > 0)
      [places[places.length], i] = [[i, seatEndAt(tokens, i)], seatEndAt(tokens, i) - 1];
    else if (!(remit && isPlainWord(t))) return null;
  }
  return head ? places : null;
}

/**
 * Where the office title before "of" starts when `tokens[k]` follows "<title> of" ("Chief Constable
 * of Kent Police": the run "Kent Police" is that office's seat and force), or -1.
 */
export function titleOfBefore(tokens: readonly Token[], k: number): number {
  if (tokens[k - 1]?.lower !== "of") return -1;
  const lowers = tokens.map((t) => t.lower);
  for (let s = Math.max(0, k - 1 - publicTitles().maxWords); s < k - 2; s++)
    if ((tokens[s] as Token).capitalized && titleEndAt(lowers, s) === k - 1) return s;
  return -1;
}

/**
 * Where the seat of an office ends when one starts at `tokens[i]`, or -1: after an office and "of",
 * the capitalized words up to a public body's head name the place it serves ("Chief Constable of
 * Kent Police", "Commissioner of Thames Valley Police"), listed as a place or not. Without a head
 * after them they are the remit ("Department of Labor").
 */
function seatEndAt(tokens: readonly Token[], i: number): number {
  if (tokens[i - 1]?.lower !== "of") return -1;
  for (let j = i; j < tokens.length && (tokens[j] as Token).capitalized; j++)
    if (isPublicOfficeHead((tokens[j] as Token).lower)) return j > i ? j : -1;
  return -1;
}

/**
 * What of a public office is private: the whole name where the text ties it to the user ("ich
 * arbeite beim Finanzamt Heidelberg"), else only its place names, which stay places
 * ("Finanzamt [LOCATION_1]": where the user deals with an office still says where they live).
 * Null when the words name no public office.
 */
export function publicOfficeSpans(tokens: readonly Token[], text: string): Span[] | null {
  const places = officePlaces(tokens);
  if (!places) return null;
  const first = tokens[0] as Token;
  const last = tokens[tokens.length - 1] as Token;
  if (tiedToUser(text, first.start)) return [{ start: first.start, end: last.end, type: "ORG" }];
  return places.map(([from, to]) => ({
    start: (tokens[from] as Token).start,
    end: (tokens[to - 1] as Token).end,
    type: "LOCATION",
  }));
}
