import { guessLanguage } from "../guessLanguage";
import { contextNames, isThanksCue } from "../names/contextNames";
import { coordinatedNames } from "../names/coordinatedNames";
import { foreignScriptNames } from "../names/foreignScript";
import { givenNameBefore } from "../names/givenNameBefore";
import { initialNames } from "../names/initialNames";
import { isFirstName, tokenize } from "../names/nameTokens";
import { lexiconTerms } from "../names/lexiconTerms";
import { nameLists } from "../names/nameLists";
import { lowercaseNamed } from "../names/lowercaseNamed";
import { nationalityTies } from "../names/nationalityTies";
import { orgPhrases } from "../names/orgPhrases";
import { isProductName } from "../names/productNames";
import { properNouns } from "../names/properNouns";
import { taggedNames } from "../names/taggedNames";
import { tiedToUser } from "../names/userTies";
import { lazyTags } from "../names/winkTagger";
import { PLACEHOLDER } from "../placeholder";
import { isProgrammingText } from "./programmingContext";
import type { RecognizerContext, Span } from "./Recognizer";

/**
 * Paragraph results, keyed by language and paragraph text. A paragraph's spans depend on nothing
 * but its own text and the locale's language, so sanitize's re-check of its output reuses them
 * for every paragraph that had nothing replaced (a Map per sanitize call), and the egress gate's
 * re-scan of sanitize's output reuses those of the same request (recentNames: spans only, never a
 * verdict — the gate still runs every other step and resolves every span itself).
 */
export interface NamesMemo {
  get(key: string): readonly Span[] | undefined;
  set(key: string, spans: readonly Span[]): void;
}

/**
 * Step 4: names, organisations and places — rules on context plus word lists, paragraph by
 * paragraph (each paragraph gets its own language guess), and names in another script than the
 * text's own (foreignScript). In English paragraphs also the proper nouns wink-nlp's tagger finds
 * (taggedNames) and lowercase names after a word that introduces one (lowercaseNamed).
 */
export function names(text: string, context: RecognizerContext, memo?: NamesMemo): Span[] {
  // Our placeholders are not words of the text (and never names): blank them out.
  const blanked = text.replace(PLACEHOLDER, (p) => " ".repeat(p.length));
  const spans: Span[] = foreignScriptNames(blanked);
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(paragraph)) {
    const offset = m.index ?? 0;
    const key = `${context.language}\u0000${m[0]}`;
    let found = memo?.get(key);
    if (!found) {
      // Placeholders hold no line break, so this is m[0] blanked, whatever surrounds it.
      found = paragraphNames(m[0], blanked.slice(offset, offset + m[0].length), context);
      memo?.set(key, found);
    }
    for (const s of found) spans.push({ start: s.start + offset, end: s.end + offset, type: s.type });
  }
  return spans;
}

function paragraphNames(paragraph: string, blanked: string, context: RecognizerContext): Span[] {
  const tokens = tokenize(blanked);
  const language = guessLanguage(
    tokens.map((t) => t.lower),
    context.language,
  );
  // One tagging pass per paragraph, on the blanked text (same offsets), only if a rule asks for it.
  const tags = lazyTags(blanked);
  const ruled = [
    ...contextNames(paragraph, tokens),
    ...nationalityTies(paragraph, tokens, language),
    ...initialNames(paragraph),
    ...properNouns(paragraph, tokens, language, tags),
    ...nameLists(paragraph, tokens, language),
    ...lexiconTerms(tokens, language === "en" ? tags : undefined, {
      text: paragraph,
      language,
      localeLanguage: context.language,
    }),
    ...orgPhrases(tokens, language),
  ];
  // The tagger only adds what the rules missed: where both found something, the rules' span and type are better informed.
  const tagged = [...taggedNames(blanked, tokens, language, tags), ...lowercaseNamed(blanked, tokens, language)].filter(
    (t) => !ruled.some((r) => r.start < t.end && r.end > t.start),
  );
  let programming: boolean | undefined;
  const isCode = (s: Span) =>
    CAMEL_CASE.test(paragraph.slice(s.start, s.end)) &&
    (programming ??= isProgrammingText(paragraph)) &&
    isIdentifier(paragraph.slice(s.start, s.end));
  const found = [...ruled, ...tagged];
  return givenNameBefore(paragraph, tokens, [...found, ...coordinatedNames(blanked, tokens, found, language)]).filter(
    (s) => !isPublicProduct(paragraph, s) && !isCode(s) && !isThanksCue(paragraph, s.start, s.end),
  );
}

// One word in lower camelCase with two humps or more: "getUserName", "parseInt", "innerHTML". Not PascalCase:
// companies write their names so ("InnovateTech"), and PUPA's first half leaked 8 more of them when it counted.
const CAMEL_CASE = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;

/**
 * In a text about programming (programmingContext.ts) such a word is an identifier, not a
 * name, unless one of its humps is a listed given name ("johnSmith"): handles there are the cue
 * and shape recognizers' (bareHandle, commandUser).
 */
function isIdentifier(word: string): boolean {
  return !word.split(/(?=[A-Z])/).some((part) => isFirstName(part.toLowerCase()));
}

/**
 * A span made only of listed product and technology names ("iPhone", "Wi-Fi", "PlayStation";
 * productNames.ts) is public unless the text ties it to the user ("I work at PayPal").
 */
function isPublicProduct(paragraph: string, span: Span): boolean {
  const words = paragraph.slice(span.start, span.end).split(/[\s,/]+/);
  return words.every((w) => w === "" || isProductName(w.replace(/['’]s$/, ""))) && !tiedToUser(paragraph, span.start);
}
