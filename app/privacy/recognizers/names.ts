import { guessLanguage } from "../guessLanguage";
import { contextNames } from "../names/contextNames";
import { foreignScriptNames } from "../names/foreignScript";
import { initialNames } from "../names/initialNames";
import { tokenize } from "../names/nameTokens";
import { lexiconTerms } from "../names/lexiconTerms";
import { nameLists } from "../names/nameLists";
import { lowercaseNamed } from "../names/lowercaseNamed";
import { orgPhrases } from "../names/orgPhrases";
import { properNouns } from "../names/properNouns";
import { taggedNames } from "../names/taggedNames";
import type { Recognizer, Span } from "./Recognizer";

/**
 * Step 4: names, organisations and places — rules on context plus word lists, paragraph by
 * paragraph (each paragraph gets its own language guess), and names in another script than the
 * text's own (foreignScript). In English paragraphs also the proper nouns wink-nlp's tagger finds
 * (taggedNames) and lowercase names after a word that introduces one (lowercaseNamed).
 */
export const names: Recognizer = (text, context) => {
  // Our placeholders are not words of the text (and never names): blank them out.
  const blanked = text.replace(/\[[A-Z_]+_\d+\]/g, (p) => " ".repeat(p.length));
  const spans: Span[] = foreignScriptNames(blanked);
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(paragraph)) {
    const offset = m.index ?? 0;
    const plain = blanked.slice(offset, offset + m[0].length);
    const tokens = tokenize(plain);
    const language = guessLanguage(tokens.map((t) => t.lower), context.language);
    const ruled = [...contextNames(m[0], tokens), ...initialNames(m[0]), ...properNouns(m[0], tokens, language), ...nameLists(m[0], tokens, language), ...lexiconTerms(tokens), ...orgPhrases(tokens)];
    // The tagger only adds what the rules missed: where both found something, the rules' span and type are better informed.
    const tagged = [...taggedNames(plain, tokens, language), ...lowercaseNamed(plain, tokens, language)].filter((t) => !ruled.some((r) => r.start < t.end && r.end > t.start));
    for (const s of [...ruled, ...tagged]) {
      spans.push({ start: s.start + offset, end: s.end + offset, type: s.type });
    }
  }
  return spans;
};
