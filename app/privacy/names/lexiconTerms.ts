import type { Span } from "../recognizers/Recognizer";
import { isVocabularyWord } from "../commonWords";
import { isEnglishWord } from "./englishWords";
import { lexicon } from "./lexicon";
import { isOrdinary, PUBLIC_NAMES, type Token } from "./nameTokens";
import { isDictionaryAcronym } from "./dictionaryAcronyms";
import { isPublicBodyName } from "./publicBodies";
import { isStopWord } from "./stopWords";
import { numberedForUser, tiedToUser } from "./userTies";
import { posAt, type TaggedWord } from "./winkTagger";

/**
 * Organisations and places that need no capital letter and no context: listed places and
 * companies in lowercase chat ("moved to hong kong", "work at samsung"), and acronyms in
 * capitals ("HSBC", "AOK", "CMU"), which usually name an employer, school or insurer.
 */
// Acronyms that are technology, units, titles or chat, not organisations.
const PUBLIC_ACRONYMS = new Set(
  (
    "faq pdf html css api url http https json xml sql usb gps cpu gpu ram ssd hdd ceo cto cfo coo cmo diy asap fyi btw lol omg eta tbd etc gmt utc " +
    "est pst cet eur usd gbp jpy jpg jpeg png gif svg mp3 mp4 nlp llm gpt seo roi kpi b2b b2c saas erp mba phd bsc msc ielts toefl gpa atm pin " +
    "sms vip dvd tcp udp ssh ftp dns vpn lan wan ios ide npm cli gui rgb hdmi lcd led ocr pdf csv tsv xlsx docx pptx txt rtf yaml toml ssl tls " +
    "aws gcp ux ui qa hr pr it ai ml ok tv uk us eu un usa ngo asap rsvp aka diy bmi std ibs adhd covid iot " +
    "rest soap crud jwt oauth html5 ecma " +
    "iban bic swift ssn nir vat tva cvv dob irs dmv nhs plz mwst ust ggf usw bzw evtl inkl zzgl rib sepa eur chf"
  ).split(" "),
);

/**
 * Written in capitals and public by the lists above or WordNet's public bodies ("NHS", "IRS",
 * "FEMA"): no person's name. A listed place ("USA", "UK") stays a place.
 */
export function isListedPublicAcronym(t: Token): boolean {
  return (
    /^\p{Lu}{2,6}$/u.test(t.text) &&
    (PUBLIC_ACRONYMS.has(t.lower) || isPublicBodyName(t.text)) &&
    !lexicon().places.has(t.lower)
  );
}

/**
 * A public acronym: a public body (WordNet), one the paragraph language's dictionary lists ("TGV"
 * in French), or any acronym of a German or French paragraph written in the user's own language
 * (the locale's): there an acronym names a public body, programme or law far more often than the
 * user's employer ("la CPAM", "mon APL", "loi ALUR", "die ÖGK"), and the user's own one is tied to
 * them by the text (userTies.ts: "mon employeur, la …", "Assureur : …"). English acronyms keep the
 * English rule: PUPA and Presidio count a company's acronym mentioned in passing as identifying.
 */
function isPublicAcronym(t: Token, paragraph: Paragraph): boolean {
  const { language } = paragraph;
  return (
    isPublicBodyName(t.text) ||
    isDictionaryAcronym(t.text, language) ||
    ((language === "de" || language === "fr") && paragraph.localeLanguage === language)
  );
}

// Roman numerals of I, V and X ("Title VII", "Henry VIII", "XIV"): numbers, not organisations.
const ROMAN_NUMERAL = /^X{0,3}(?:IX|IV|V?I{0,3})$/;

/**
 * A word written in capitals for emphasis, not an acronym: an en/de/fr everyday word that is a
 * function word itself ("WHERE id = 1"; function words from `stopword`, stopWords.ts), stands in a run of
 * words in capitals that holds one ("I DON'T KNOW WHAT TO PRESS NEXT", "CAN I SPEAK TO A REAL
 * PERSON"), or is a label before a colon ("ZIP: 3520"). A name written in capitals has no
 * function word ("RIVERSIDE MEDICAL CENTRE"), and a lone word in capitals that is no function
 * word may still be an acronym ("my employer CARE").
 */
function isShoutedWord(tokens: Token[], i: number, text: string | undefined): boolean {
  const t = tokens[i] as Token;
  if (text === undefined || !(isVocabularyWord(t.lower) || isEnglishWord(t.lower))) return false;
  // A function word is grammar, in capitals too ("WHERE id = 1"): no organisation is called "WHAT".
  if (isStopWord(t.lower) || /^[ \u00a0]?:/.test(text.slice(t.end, t.end + 2))) return true;
  const capitals = (u: Token | undefined): u is Token => !!u && /^[\p{Lu}'’]+$/u.test(u.text);
  const near = (a: Token, b: Token) => /^[^\p{L}\p{N}\n]{1,6}$/u.test(text.slice(a.end, b.start));
  const run = [t];
  for (let j = i - 1; capitals(tokens[j]) && near(tokens[j] as Token, run[0] as Token); j--)
    run.unshift(tokens[j] as Token);
  for (let j = i + 1; capitals(tokens[j]) && near(run[run.length - 1] as Token, tokens[j] as Token); j++)
    run.push(tokens[j] as Token);
  // "I" or a function word of two letters or more ("O'" of "PORT O' WARREN" is a name's particle).
  const functionWord = (u: Token) => {
    const stem = u.lower.replace(/['’].*$/u, "");
    return u.text === "I" || (stem.length >= 2 && isStopWord(stem));
  };
  return run.some((u) => u !== t && functionWord(u));
}

function acronyms(tokens: Token[], paragraph: Paragraph | undefined): Span[] {
  return tokens
    .filter((t) => /^\p{Lu}{3,6}$/u.test(t.text) && !PUBLIC_ACRONYMS.has(t.lower) && !PUBLIC_NAMES.has(t.lower))
    .filter((t) => !ROMAN_NUMERAL.test(t.text) && !isShoutedWord(tokens, tokens.indexOf(t), paragraph?.text))
    .filter(
      (t) =>
        paragraph === undefined ||
        !isPublicAcronym(t, paragraph) ||
        tiedToUser(paragraph.text, t.start) ||
        numberedForUser(paragraph.text, t.end),
    )
    .map((t) => ({ start: t.start, end: t.end, type: lexicon().places.has(t.lower) ? "LOCATION" : "ORG" }));
}

/**
 * A listed name that is also a dictionary word ("visa", "shell") names the company only where the
 * tagger reads a proper noun; "I need a visa" is the word. Without tags (no English paragraph) the list decides.
 */
function readAsWord(t: Token, tags: (() => readonly TaggedWord[]) | undefined): boolean {
  if (!tags || !isEnglishWord(t.lower)) return false;
  const pos = posAt(tags(), t.start, t.end);
  return pos !== undefined && pos !== "PROPN";
}

/**
 * The first words of the two-word places and organisations ("hong" of "hong kong"), so that a
 * pair of lowercase words is joined into a string and looked up only where one can be listed:
 * tokens hold no space, so a pair is listed only if its first word is in here.
 */
let pairStarts: { lex: ReturnType<typeof lexicon>; words: Set<string> } | undefined;

function listedPairStarts(lex: ReturnType<typeof lexicon>): Set<string> {
  if (pairStarts?.lex !== lex) {
    const words = new Set<string>();
    for (const list of [lex.places, lex.orgs])
      for (const entry of list) {
        const space = entry.indexOf(" ");
        if (space > 0 && entry.indexOf(" ", space + 1) < 0) words.add(entry.slice(0, space));
      }
    pairStarts = { lex, words };
  }
  return pairStarts.words;
}

function lowercaseListed(tokens: Token[], tags: (() => readonly TaggedWord[]) | undefined): Span[] {
  const lex = lexicon();
  const starts = listedPairStarts(lex);
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.capitalized) continue;
    const next = tokens[i + 1];
    const pair =
      next && !next.capitalized && next.start - t.end === 1 && starts.has(t.lower) ? `${t.lower} ${next.lower}` : null;
    if (pair && (lex.places.has(pair) || lex.orgs.has(pair))) {
      spans.push({ start: t.start, end: (next as Token).end, type: lex.places.has(pair) ? "LOCATION" : "ORG" });
      i++;
    } else if (
      t.text.length >= 4 &&
      // The list lookups first: few words are listed, and isOrdinary costs more.
      (lex.places.has(t.lower) || lex.orgs.has(t.lower)) &&
      !isOrdinary(t.lower) &&
      !readAsWord(t, tags)
    ) {
      spans.push({ start: t.start, end: t.end, type: lex.places.has(t.lower) ? "LOCATION" : "ORG" });
    }
  }
  return spans;
}

/** The paragraph's text and language (paragraph language guess, as the names step has it). */
interface Paragraph {
  text: string;
  language: string;
  /** The language of the user's locale (the conversation's), which the paragraph's guess may differ from. */
  localeLanguage?: string;
}

/**
 * `tags`: the paragraph's part-of-speech tags, given for English paragraphs only. `paragraph`: to
 * keep public acronyms ("FEMA", publicBodies.ts; "TGV" in French, dictionaryAcronyms.ts) public
 * unless the text ties them to the user; without it every acronym outside the public lists counts.
 */
export function lexiconTerms(tokens: Token[], tags?: () => readonly TaggedWord[], paragraph?: Paragraph): Span[] {
  return [...acronyms(tokens, paragraph), ...lowercaseListed(tokens, tags)];
}
