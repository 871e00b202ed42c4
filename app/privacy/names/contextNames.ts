import { isListedPublicAcronym } from "./lexiconTerms";
import type { Span } from "../recognizers/Recognizer";
import { isVeryCommonWord, isVocabularyWord } from "../commonWords";
import { isGivenNameWord } from "./givenNameBefore";
import { lexicon } from "./lexicon";
import { GREETING, isLastName, isNameLike, isOrdinary, NAME_WORDS, TITLE, type Token } from "./nameTokens";

/**
 * Names announced by their context: titles ("Mr. Gary Thompson", "Frau Weber", "Mme Dubois"),
 * greetings ("Dear Anna", "Hallo Jonas", "Bonjour Claire"), relations ("my landlord Peter
 * Miller", "mein Vermieter Herr Koch", "ma voisine Julie"), introductions ("my name is …",
 * "ich heiße …", "je m'appelle …") and sign-offs ("Regards,\nEmily Clarke").
 */
const TITLE_WITH_DOT = /^m$/; // "M. Dupont": only with the dot
export const RELATION = new RegExp(
  "^(?:landlord|landlady|boss|manager|supervisor|wife|husband|partner|spouse|son|daughter|mother|father|mom|mum|dad|brother|sister|" +
    "friend|colleague|coworker|co-worker|doctor|dentist|therapist|lawyer|attorney|neighbor|neighbour|girlfriend|boyfriend|fiance|fiancee|" +
    "cousin|uncle|aunt|grandma|grandmother|grandfather|grandpa|nephew|niece|teacher|tutor|roommate|flatmate|ex|child|kid|baby|" +
    "vermieter|vermieterin|chef|chefin|mann|ehemann|ehefrau|freund|freundin|kollege|kollegin|arzt|arztin|nachbar|nachbarin|" +
    "sohn|tochter|mutter|vater|bruder|schwester|oma|opa|anwalt|anwaltin|tante|onkel|" +
    "proprietaire|patron|patronne|mari|femme|epoux|epouse|ami|amie|copain|copine|collegue|medecin|voisin|voisine|fils|fille|mere|pere|frere|soeur|avocat|avocate)$",
);
// Every person's possessive, not only the first person's: "ihr Freund Matteo", "your son Kai", "ta sœur Inès".
const POSSESSIVE =
  /^(?:my|our|his|her|their|your|mein|meine|meinem|meinen|meiner|unser|unsere|unserem|unseren|dein|deine|deinem|deinen|deiner|sein|seine|seinem|seinen|seiner|ihr|ihre|ihrem|ihren|ihrer|euer|eure|mon|ma|notre|son|sa|ton|ta|votre|leur)$/;
const INTRO = [/^(?:named|called|namens|nomme|nommee|appele|appelee)$/, /^(?:heisse|heisst|appelle)$/];
// Form labels: "Name: Rose Baker", "Patient: …", "Nom : …", "fils : théo".
export const LABEL =
  /^(?:name|fullname|nom|prenom|vorname|nachname|patient|patientin|tenant|mieter|mieterin|locataire|client|kunde|kundin|contact|kontakt|signed|from|to|an|von|de|a|gp|hausarzt|hausarztin|medecin|employee|mitarbeiter|mitarbeiterin|applicant|candidate|bewerber|bewerberin|enfant|kind|child|children|grandchildren|enkel|enfants)$/;
// Labels that also start ordinary lines ("To: the landlord"): only capitalized names after them.
const LOOSE_LABEL = /^(?:from|to|an|von|de|a|contact|kontakt)$/;
export const SIGN_OFF =
  /^(?:regards|best|cheers|thanks|sincerely|yours|love|grusse|grussen|gruss|mfg|lg|vg|cordialement|amicalement|bisous|merci|salutations)$/;

// A thank-you or greeting addressed to someone ("Merci à …", "Danke an …", "thanks to …", "Grüße an …",
// "bisous à …"), with up to three lowercase words between ("merci beaucoup à", "thank you so much to", "vielen Dank nochmal an").
const THANKS =
  /^(?:merci|remerciements|bisous|bises|danke|dank|grusse|gruesse|grüße|gruss|gruß|thanks|thank|greetings|love|hugs|kisses)$/;
const THANKS_TO = /^(?:a|à|an|to)$/;

/**
 * Extends a name from token i while the following tokens look like more of it.
 * `trusted`: the context says a name follows (a form label, a sign-off), so capitalized
 * ordinary words count too ("Name: Rose Baker"). `capitalsCued`: only the words after the first
 * count so ("Dear Rose Baker": a surname that is also a word, after a name the greeting announced).
 */
function nameSpan(
  text: string,
  tokens: Token[],
  i: number,
  allowLowercase: boolean,
  trusted = false,
  cued = false,
  capitalsCued = cued,
): Span | null {
  const first = tokens[i];
  const before = tokens[i - 1];
  if (!first || TITLE.test(first.lower) || isVeryCommonWord(first.lower) || isListedPublicAcronym(first)) return null;
  // The trigger and the name must be in one phrase: "called. fils" is not "called fils".
  // (A trigger token loses its "'s": "it's ioana here" is the token "it", then "'s ". Only "it" does:
  // in "my sister's lupus" the word after the relative's "'s" is something of hers, not her name.)
  const gap = before ? text.slice(before.end, first.start) : "";
  const joined = before && /^(?:it|its)$/.test(before.lower) ? gap.replace(/^['’]s/, "") : gap;
  if (before && !trusted && !/^[\s,:]*$/.test(joined)) return null;
  const capitalOk = (t: Token) =>
    !isOrdinary(t.lower) ||
    ((trusted || cued) && !isVeryCommonWord(t.lower)) ||
    NAME_WORDS.has(t.lower) ||
    isLastName(t.lower);
  // Right after "my name is" / "my son" a lowercase word outside everyday vocabulary is a name even
  // if a dictionary lists it ("my name is borna").
  const lowerOk = (t: Token) => isNameLike(t) || (cued && /^\p{L}{2,}$/u.test(t.text) && !isVocabularyWord(t.lower));
  if (!(first.capitalized ? capitalOk(first) : allowLowercase && lowerOk(first))) return null;
  let j = i;
  while (j - i < 3) {
    const next = tokens[j + 1];
    const cur = tokens[j];
    const gap = text.slice(cur?.end ?? 0, next?.start ?? 0);
    if (
      !next ||
      !cur ||
      next.sentenceStart ||
      !(/^[ \u00a0]$/.test(gap) || (cur.text.length === 1 && /^\.[ \u00a0]$/.test(gap)))
    )
      break;
    const fits = first.capitalized
      ? next.capitalized && (capitalOk(next) || (capitalsCued && !isVeryCommonWord(next.lower)))
      : allowLowercase && lowerOk(next) && !next.capitalized;
    if (!fits) break;
    j++;
  }
  return { start: first.start, end: tokens[j]?.end ?? first.end, type: "PERSON" };
}

/** "Sakr et al., 2019", "(Altinier et al. 2007)": the word before "et al." is a cited author's surname. */
function citedAuthors(text: string, tokens: Token[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [t, et, al] = [tokens[i] as Token, tokens[i + 1] as Token, tokens[i + 2] as Token];
    if (et.lower !== "et" || al.lower !== "al" || !/^[ \u00a0]$/.test(text.slice(t.end, et.start))) continue;
    if (t.capitalized || !isVocabularyWord(t.lower)) spans.push({ start: t.start, end: t.end, type: "PERSON" });
  }
  return spans;
}

export function contextNames(text: string, tokens: Token[]): Span[] {
  const spans: Span[] = citedAuthors(text, tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const after = text.slice(t.end, t.end + 2);
    const prev = tokens[i - 1];
    let span: Span | null = null;
    const initial = TITLE_WITH_DOT.test(t.lower) && prev?.capitalized && text.slice(prev.end, t.start) === " ";
    if (TITLE.test(t.lower) || (TITLE_WITH_DOT.test(t.lower) && after.startsWith(".") && !initial))
      span = titledName(text, tokens, i);
    else if (GREETING.test(t.lower) && (t.sentenceStart || prev?.lower === "and"))
      span = nameSpan(text, tokens, i + 1, true, false, false, true);
    else if (RELATION.test(t.lower) && prev && POSSESSIVE.test(prev.lower)) span = relationName(text, tokens, i + 1);
    else if (isSelfIntro(tokens, i)) span = nameSpan(text, tokens, i + 1, true);
    else if (INTRO.some((r) => r.test(t.lower)) || isNameIs(tokens, i))
      span = nameSpan(text, tokens, i + 1, true, false, isNameIs(tokens, i));
    else if (
      (LABEL.test(t.lower) || RELATION.test(t.lower)) &&
      /^\s*[:?]\s*$/.test(text.slice(t.end, tokens[i + 1]?.start ?? t.end)) &&
      (t.sentenceStart || /^(?:full|last|first|family|my)$/.test(prev?.lower ?? ""))
    )
      span = nameSpan(text, tokens, i + 1, !LOOSE_LABEL.test(t.lower), !LOOSE_LABEL.test(t.lower));
    else if (SIGN_OFF.test(t.lower) && /^[,!.]?\s*\n/.test(text.slice(t.end, t.end + 4)))
      span = signOffName(text, tokens, i + 1);
    else if (THANKS_TO.test(t.lower)) span = thankedName(text, tokens, i);
    if (span) spans.push(span);
  }
  return spans;
}

/**
 * After a title any capitalized word is a name ("Frau Koch", "Mr. Brown"); lowercase only
 * after the short English titles people type in chat ("mr chan").
 */
function titledName(text: string, tokens: Token[], start: number): Span | null {
  const i = lastTitle(text, tokens, start);
  const title = tokens[i] as Token;
  const next = tokens[i + 1];
  if (!next || TITLE.test(next.lower) || !/^[.\s]{1,3}$/.test(text.slice(title.end, next.start))) return null;
  if (next.capitalized) {
    const rest = nameSpan(text, tokens, i + 1, false, true);
    return rest ?? { start: next.start, end: next.end, type: "PERSON" };
  }
  if (!LOWERCASE_TITLE.test(title.lower)) return null;
  // "Ms. yoyo": after a title even a dictionary word is a name, unless it is everyday vocabulary ("Dr. who").
  return (
    nameSpan(text, tokens, i + 1, true) ??
    (isVocabularyWord(next.lower) ? null : { start: next.start, end: next.end, type: "PERSON" })
  );
}

// Titles people also type in lowercase before a lowercase name ("mr chan", "frau yilmaz", "mme dupuis").
const LOWERCASE_TITLE = /^(?:mr|mrs|ms|dr|herr|herrn|frau|mme|mlle)$/;
// German academic degrees written after "Dr." ("Dr. med.", "Dr. rer. nat.", "Dr. med. dent."): a closed set.
const DEGREE = /^(?:med|dent|vet|rer|nat|pol|oec|phil|jur|theol|habil|ing|dipl)$/;

/**
 * The last of a chain of titles: "Frau Dr. Schulz", "Herr Prof. Dr. med. Brandt", "Mrs Dr Okafor" — the
 * name follows the last title or degree, not the first.
 */
function lastTitle(text: string, tokens: Token[], i: number): number {
  let j = i;
  for (;;) {
    const cur = tokens[j] as Token;
    const next = tokens[j + 1];
    if (!next || !/^\.?[ \u00a0]$/.test(text.slice(cur.end, next.start))) return j;
    const degree = DEGREE.test(next.lower) && text[next.end] === ".";
    if (!(TITLE.test(next.lower) || degree)) return j;
    j++;
  }
}

/** "my landlord, Peter Miller" / "mein Vermieter Herr Koch": skip a comma or a title. */
function relationName(text: string, tokens: Token[], i: number): Span | null {
  const t = tokens[i];
  if (t && TITLE.test(t.lower)) return nameSpan(text, tokens, i + 1, true);
  return nameSpan(text, tokens, i, true, false, true);
}

/** "my name is X", "je m'appelle X", "ich heiße X", "I'm X" (capitalized only). */
function isNameIs(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!t || !prev) return false;
  return (
    (t.lower === "is" && prev.lower === "name") ||
    (t.lower === "ist" && prev.lower === "name") ||
    (t.lower === "est" && prev.lower === "nom")
  );
}

/**
 * The writer introducing themselves in a chat: "i'm ioana and …", "it's me, dimitra", "it's ioana here",
 * "this is ioana", "hier ist Jolanthe". The name must look like one (a lowercase word no list or
 * dictionary knows, or a capitalized name), so "i'm tired", "this is great", "hier ist das" stay.
 */
function isSelfIntro(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!t) return false;
  // Not "im" without the apostrophe: in German it is "in dem" ("im März").
  if (t.lower === "i'm" || t.lower === "i’m") return true;
  if (!prev) return false;
  // The tokenizer drops "'s": "it's" is the token "it".
  if (t.lower === "me" && /^(?:it|its)$/.test(prev.lower)) return true;
  if (/^(?:it|its)$/.test(t.lower) && tokens[i + 2]?.lower === "here") return true;
  return (
    (t.lower === "is" && prev.lower === "this" && prev.sentenceStart) || (t.lower === "ist" && prev.lower === "hier")
  );
}

/**
 * The thank-you word itself before "à/an/to" ("Merci à …", "Bisous à …") is no name: in a short French line
 * read with the English rules it is an unknown capitalized word at a sentence start.
 */
export function isThanksCue(text: string, start: number, end: number): boolean {
  return (
    THANKS.test(text.slice(start, end).toLowerCase()) &&
    /^[ \u00a0]+(?:a|à|an|to)[ \u00a0]/i.test(text.slice(end, end + 5))
  );
}

/**
 * "Merci à Rose", "Danke an Lena Vogt", "thanks to Grace", "bisous à Olive": after a thank-you or greeting
 * and its "à/an/to", a capitalized given name is the person thanked or greeted — also a given name
 * that is an everyday word ("Rose", "Olive", "Hope"), which no capitals rule takes. An article, a
 * listed organisation or place, or a word that is no given name is not ("Merci à la CAF", "Danke an
 * das Team", "thanks to the NHS", "thanks to Google").
 */
function thankedName(text: string, tokens: Token[], at: number): Span | null {
  const name = tokens[at + 1];
  if (!name?.capitalized || !/^[ \u00a0]+$/.test(text.slice(tokens[at]?.end ?? 0, name.start))) return null;
  // The thank-you word within four words before "à/an/to", only lowercase words between ("thank you so much to").
  let k = at - 1;
  while (k >= 0 && at - k <= 4 && !THANKS.test((tokens[k] as Token).lower)) k--;
  const cue = tokens[k];
  if (!cue || at - k > 4 || !/^[\s\p{Ll}'’]*$/u.test(text.slice(cue.end, (tokens[at] as Token).start))) return null;
  const lex = lexicon();
  if (!isGivenNameWord(name.lower) || lex.orgs.has(name.lower) || lex.places.has(name.lower)) return null;
  return nameSpan(text, tokens, at + 1, false, true) ?? { start: name.start, end: name.end, type: "PERSON" };
}

/** A name alone on the line after a sign-off. */
function signOffName(text: string, tokens: Token[], i: number): Span | null {
  const span = nameSpan(text, tokens, i, true, true);
  if (!span) return null;
  const rest = text.slice(span.end, text.indexOf("\n", span.end) === -1 ? text.length : text.indexOf("\n", span.end));
  return /^[\s,.!]*$/.test(rest) ? span : null;
}
