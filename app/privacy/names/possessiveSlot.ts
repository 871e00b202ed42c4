import { foldWord, isVeryCommonWord } from "../commonWords";
import type { Span } from "../recognizers/Recognizer";
import { calendarWords } from "./calendarWords";
import { nameParts } from "./givenNameBefore";
import { GREETING, TITLE, type Token } from "./nameTokens";

// Personal possessives: only a person is followed by "his address", "her plans", "ihre Adresse", "sa lettre".
const PERSONAL_POSSESSIVE = /^(?:his|her|their|seine|seinen|seinem|seiner|ihre|ihren|ihrem|ihrer)$/;

/**
 * "She had given Alma his address", "told Belle her plans", "gab Rosa ihre Schlüssel": a given name in
 * the slot of a person receiving something — mid-sentence with a capital, after a lowercase word, right
 * before a personal possessive — is a person even when it is also a word ("alma", "belle"), which the
 * list rules leave to the context. The given names are the names step's (compromise and
 * @cspell/dict-people-names); titles, greetings, weekdays and months stay out, and so do the ~300
 * commonest words ("gave Will his", "told May her": no, the slot is too weak for those) and any word
 * at a sentence start ("Mark his words").
 */
export function possessiveSlot(text: string, tokens: Token[]): Span[] {
  const spans: Span[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1] as Token;
    const prev = tokens[i - 1] as Token;
    if (!t.capitalized || t.sentenceStart || prev.capitalized || !PERSONAL_POSSESSIVE.test(next.lower)) continue;
    if (text.slice(t.end, next.start) !== " " || text.slice(prev.end, t.start) !== " ") continue;
    const folded = foldWord(t.lower);
    if (TITLE.test(folded) || GREETING.test(folded) || calendarWords().has(folded) || isVeryCommonWord(folded))
      continue;
    if (nameParts().has(folded)) spans.push({ start: t.start, end: t.end, type: "PERSON" });
  }
  return spans;
}
