import type { Span } from "../recognizers/Recognizer";
import { isSpellingWord } from "../spellingVocabulary";
import { isNameLike, type Token } from "./nameTokens";
import { isStopWord } from "./stopWords";

const AND = /^(?:and|or|und|oder|et|ou)$/;
// Most paragraphs with a person hold no conjunction between lowercase words: one scan says so.
const CONJUNCTION = / (?:and|or|und|oder|et|ou) /i;

/**
 * "remind ahmed and priya", "an jannik und merve": a lowercase word joined by "and" to a person
 * the other rules found is a second person when it could be a name at all — no everyday word of
 * en/de/fr, no English dictionary word, no function word ("ahmed and me", "jannik und so"), and in a
 * German or French paragraph no word of that language's spelling dictionary ("tonton"). The
 * conjunction is the cue, as a title or a greeting is; capitalized conjuncts are the list rules'.
 */
export function coordinatedNames(text: string, tokens: Token[], spans: Span[], language: string): Span[] {
  const people = spans.filter((s) => s.type === "PERSON");
  if (people.length === 0 || !CONJUNCTION.test(text)) return [];
  const byStart = new Map(tokens.map((t, i) => [t.start, i]));
  const byEnd = new Map(tokens.map((t, i) => [t.end, i]));
  const out: Span[] = [];
  const take = (t: Token | undefined) => {
    if (!t || t.capitalized || !isNameLike(t) || isStopWord(t.lower)) return;
    if ((language === "de" || language === "fr") && isSpellingWord(t.text, language)) return;
    if (!spans.some((s) => s.start < t.end && s.end > t.start))
      out.push({ start: t.start, end: t.end, type: "PERSON" });
  };
  for (const person of people) {
    const last = byEnd.get(person.end);
    const first = byStart.get(person.start);
    if (last !== undefined && joined(text, tokens, last, last + 1)) take(tokens[last + 2]);
    if (first !== undefined && joined(text, tokens, first - 2, first - 1)) take(tokens[first - 2]);
  }
  return out;
}

/** tokens[a] and tokens[a + 2] are joined by the conjunction tokens[conj] with single spaces. */
function joined(text: string, tokens: Token[], a: number, conj: number): boolean {
  const left = tokens[a];
  const and = tokens[conj];
  const right = tokens[conj + 1];
  if (!left || !and || !right || !AND.test(and.lower)) return false;
  return text.slice(left.end, and.start) === " " && text.slice(and.end, right.start) === " ";
}
