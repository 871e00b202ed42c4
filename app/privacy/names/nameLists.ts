import type { Span } from "../recognizers/Recognizer";
import { foldWord, isVeryCommonWord } from "../commonWords";
import { isListedPublicAcronym } from "./lexiconTerms";
import { isFrenchOrdinaryWord } from "./frenchOrdinaryWords";
import { CONTRACTION, GREETING, isFirstName, isLastName, isOrdinary, NAME_WORDS, type Token } from "./nameTokens";
import { nameParts } from "./givenNameBefore";
import { isPublicBodyName } from "./publicBodies";
import { lexicon } from "./lexicon";

/**
 * Lists of single capitalized words — "founders: Monjeau, Graves and Reed", "They had 6:
 * Gaetane, Hannah, Anthony" — are lists of people when one member is a known first or last
 * name, or when none is an ordinary word. English only: German capitalizes every noun.
 */
const SEPARATOR = /^(?:,[ \t]*|[ \t]+(?:and|&|or|und|et)[ \t]+|,[ \t]*(?:and|und|et)[ \t]+)$/;

function groups(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.capitalized || t.text.length < 2 || isVeryCommonWord(t.lower)) {
      if (/^(?:and|or|und|et)$/.test(t.lower) && cur.length > 0) continue;
      if (cur.length > 1) out.push(cur);
      cur = [];
      continue;
    }
    const prev = cur[cur.length - 1];
    const next = tokens[i + 1];
    // Each member is one word: "Anna Weber, Ben" is a name followed by a list, not a list of words.
    const single = !next || !next.capitalized || !/^[ \u00a0]$/.test(text.slice(t.end, next.start));
    if (prev && SEPARATOR.test(text.slice(prev.end, t.start)) && single) cur.push(t);
    else {
      if (cur.length > 1) out.push(cur);
      cur = single ? [t] : [];
    }
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

// "founders: A, B and C", "They had 6: A, B, C": a list introduced as people.
const PEOPLE_INTRO =
  /(?:founders|children|kids|friends|guests|members|siblings|authors|participants|attendees|colleagues|team|family|grandchildren|sons|daughters|brothers|sisters|parents|had \d+|named)\s*:?\s*$/i;

/**
 * Any listed given name or surname, everyday words included: compromise's, a name-word ("Hope")
 * or a name part of `@cspell/dict-people-names` ("Park", "White"); never a contraction ("I'm").
 */
function isListedName(lower: string): boolean {
  // The lists are folded ("clement", "noel"): the word is looked up folded too, or a name written
  // with its accents ("Clément", "Noël") would never be listed.
  const folded = foldWord(lower);
  const lex = lexicon();
  if (lex.firstNames.has(folded) || lex.lastNames.has(folded) || NAME_WORDS.has(folded)) return true;
  return nameParts().has(folded) && !CONTRACTION.test(lower);
}

export function nameLists(text: string, tokens: Token[], language: string): Span[] {
  if (language === "de") return [];
  const spans: Span[] = [];
  for (const all of groups(text, tokens)) {
    // A public body or public acronym in the list is no person ("Medicare and FEMA"), nor is a greeting or an
    // everyday French word before the comma ("Merci, Clément", "Bonjour, Léa"); the others are judged alone.
    const group = all.filter(
      (t) =>
        !isPublicBodyName(t.text) &&
        !isListedPublicAcronym(t) &&
        !(t.sentenceStart && GREETING.test(foldWord(t.lower))) &&
        !isFrenchOrdinaryWord(t.lower, language),
    );
    if (group.length < (group.length === all.length ? 2 : 1)) continue;
    const known = group.some((t) => isFirstName(foldWord(t.lower)) || isLastName(foldWord(t.lower)));
    const noneOrdinary = group.every((t) => !isOrdinary(t.lower));
    const introduced = PEOPLE_INTRO.test(
      text.slice(Math.max(0, (group[0] as Token).start - 30), (group[0] as Token).start),
    );
    const mostlyOrdinary =
      group.filter((t) => isOrdinary(t.lower) && !isLastName(foldWord(t.lower)) && !isFirstName(foldWord(t.lower)))
        .length >
      group.length / 2;
    if (!introduced && (!(known || noneOrdinary) || mostlyOrdinary)) continue;
    // Each member on its own: an ordinary word that is no name is the list's neighbour, not a person
    // ("Très Cordialement, Julie"; "Hi Freddy, I'm …").
    for (const t of group)
      if (introduced || !isOrdinary(t.lower) || isListedName(t.lower))
        spans.push({ start: t.start, end: t.end, type: "PERSON" });
  }
  return spans;
}
