import { isVocabularyWord } from "../commonWords";
import { guessLanguage } from "../guessLanguage";
import { drugSpans, isConditionNoun, isCuedDrugName, namedResultSpans } from "./drugMentions";
import { compoundHeadStart } from "./germanCompoundHead";
import { LEGACY_MEDICAL_TERMS } from "./legacyMedicalTerms";
import { COGNATE_CANDIDATE, isMedicalCognate } from "./medicalCognates";
import { medicalTerms } from "./medicalTerms";
import { matchAll, type Recognizer, type RecognizerContext, type Span } from "./Recognizer";

/**
 * Health conditions, medications, procedures and test results (special-category data under
 * GDPR art. 9), on folded text. The vocabulary is data (@cspell/dict-medicalterms, see
 * medicalTerms.ts); this file holds only grammar:
 * 1. a word of the medical dictionary that is not ordinary English ("sertraline");
 * 2. a dictionary word with the shape of a condition, procedure or drug: Greek/Latin suffixes
 *    ("-itis", "-ectomy") and WHO INN stems ("-formin", "-prazole"): "arthritis", "metformin";
 * 3. German compounds with a disease head ("Brustkrebs", "Lungenentzündung") and "Morbus X";
 * 4. the phrase after a cue: "diagnosed with X", "suffers from X", "Diagnose: X", "leide an X",
 *    "atteint de X", "allergic to X", "peanut allergy";
 * 5. doses ("Sertraline 50 mg") and results ("HbA1c 7.2%", "blood pressure 150/95").
 * 6. de/fr words read through their English cognate ("Levothyroxin", "polyarthrite": medicalCognates.ts),
 *    also as the head of a German compound ("Kniearthrose": germanCompoundHead.ts);
 * 7. the earlier lexicon, as a documented stopgap for what none of these knows (legacyMedicalTerms.ts);
 * 8. drug names WordNet files as medicines, in their en/de/fr and INN spellings ("Methotrexat",
 *    "aciclovir"), hormones after a drug cue ("takes insulin"), everyday-word conditions after a
 *    medical cue in English text ("has shingles"), German and English "-itis" words not in the
 *    dictionary ("Thyreoiditis"), and lab values without a unit after a named test ("TSH-Wert
 *    6,8"): drugMentions.ts, healthNouns.ts;
 * 9. a medical word joined by a hyphen to the word before it takes that word along
 *    ("Hashimoto-Thyreoiditis", "L-Thyroxin"): the eponym or prefix names the same condition.
 * The local-model pass (step 5) is there for what a dictionary and a grammar cannot know.
 */
const LEGACY = new RegExp(
  `(?<![A-Za-z])(?:${[...LEGACY_MEDICAL_TERMS].sort((a, b) => b.length - a.length).join("|")})(?![A-Za-z])`,
  "gi",
);
// Medical word formation (suffixes of conditions and procedures) and WHO INN stems of common drug classes.
const CONDITION_SUFFIX =
  /(?:itis|osis|iasis|a?emia|pathy|algia|ectomy|otomy|ostomy|plasty|scopy|plegia|penia|rrhoea|rrhea|megaly|sclerosis|therapy|phobia)$/;
const INN_STEM =
  /(?:pril|sartan|olol|statin|azepam|azolam|oxetine|traline|triptan|tinib|cillin|mycin|floxacin|conazole|prazole|dronate|gliptin|glutide|formin|profen|semide|thiazide|dipine|setron|parin|cycline|olone|lukast|triptyline|pramine|peridone|apine|zosin|terol)$/;
// The end of a word with such a suffix; the word start is found by scanning back (no backtracking per word).
const SHAPE_END = new RegExp(
  String.raw`(?:${CONDITION_SUFFIX.source.slice(3, -2)}|${INN_STEM.source.slice(3, -2)})(?![A-Za-z])`,
  "g",
);
const LOWERCASE_WORD = /(?<![A-Za-z'-])[a-z][a-z'-]{5,}(?![A-Za-z])/g;
// German compounds with a disease head ("Brustkrebs", "Alkoholsucht", "Herzleiden", "Schuppenflechte"; not
// "-störung" or "-schwäche": "Verkehrsstörung", "Leistungsschwäche"), and operations as "Knie-OP", "Hüft-OP".
const GERMAN_HEADS =
  "erkrankung|krankheit|entzundung|infarkt|krebs|insuffizienz|allergie|unvertraglichkeit|sucht|leiden|flechte|tumor|geschwur|lahmung";
const GERMAN_HEAD = new RegExp(
  String.raw`(?<![\p{L}])\p{Lu}\p{Ll}{2,}(?:${GERMAN_HEADS})(?![\p{L}])|(?<![\p{L}])\p{Lu}\p{Ll}{2,}-OP(?![\p{L}])`,
  "gu",
);
const HAS_GERMAN_HEAD = new RegExp(`[a-z](?:${GERMAN_HEADS})|[a-z]-OP`);
const MORBUS = /(?<![\p{L}])Morbus \p{Lu}\p{L}+/gu;
const ALLERGY =
  /(?<![A-Za-z])[A-Za-z]{3,}[ -](?:allergy|allergies|allergie|allergien|intolerance|unvertraglichkeit)(?![A-Za-z])/gi;

// Cues, en/de/fr, folded. What follows is the private phrase.
const STRONG_CUE = String.raw`diagnosed\s+with|diagnosis\s*(?:of|:)|suffer(?:s|ed|ing)?\s+from|treated\s+for|treatment\s+for|tested\s+positive\s+for|allergic\s+to|diagnose\s*:|diagnostiziert\s+(?:mit|wurde)?|leide[tn]?\s+(?:an|unter)|erkrankt\s+an|behandlung\s+wegen|diagnostic\s*:|diagnostiquee?\s+(?:avec\s+)?|atteinte?\s+(?:de|d'|du)|souffre\s+(?:de|d'|du)|traitee?\s+pour|allergique\s+(?:a|au|aux)|hospitali[sz]ed\s+(?:for|with)|surgery\s+for|operated\s+on\s+for|operiert\s+wegen|hospitalisiert\s+wegen|hospitalisee?\s+pour|operee?\s+(?:de|du|d')`;
const WEAK_CUE = String.raw`prescribed|taking|history\s+of|positive\s+for|living\s+with|recovering\s+from|(?:sick|ill|off|down)\s+with|verschrieben|nehme|prescrit|je\s+prends|positif\s+(?:a|au)`;
// English possession verbs: about health only when a condition noun follows at once ("has gout"; not "has three hives").
const HAVE_CUE = String.raw`has|have|had|having|got|gets`;
// Everyday verbs that are about a drug only when a drug-shaped word follows ("I take levothyroxine", not "take the PDF").
const DRUG_CUE = String.raw`take|takes|took|i'm\s+on|nimmt|prend|sous`;
const CUE = new RegExp(
  String.raw`(?<![A-Za-z])(?:(${STRONG_CUE})|(${DRUG_CUE})|(${HAVE_CUE})|${WEAK_CUE})(?:(?<=')|(?![A-Za-z]))\s*(?:(?:a|an|the|my|ein|eine|einer|einem|einen|un|une|de\s+la|la|le|les|des|du)\s+|(?:de\s+)?l'|d')?`,
  "gi",
);
// Up to four words; the phrase ends at punctuation or a function word (closed-class: grammar, not vocabulary).
const PHRASE_WORD = /[A-Za-z0-9][A-Za-z0-9'-]*/y;
const STOP = new Set(
  `in at on by from since for and or but because when while last this that which who so to with after before during
   im am bei von seit fur und oder aber weil wenn als nach vor wahrend letzte letzten
   en par depuis pour et ou mais parce quand qui apres avant pendant dernier derniere`.split(/\s+/),
);
// A dose after an optional drug name; results: blood pressure, and a lab value with its unit.
const DOSE =
  /(?<![A-Za-z0-9])(?:([A-Za-z][A-Za-z-]{3,})\s+)?\d+(?:[.,]\d+)?\s?(?:mg|mcg|[µμ]g|ug|ml|iu|I\.E\.|UI|units|Einheiten|unites)(?![A-Za-z])/g;
const BLOOD_PRESSURE =
  /(?<![A-Za-z])(?:blood\s+pressure|bp|blutdruck|rr|tension(?:\s+arterielle)?)\s*(?:of|von|de|:|=|is|was|ist|war|est|a)?\s*\d{2,3}\s?\/\s?\d{2,3}(?!\d)/gi;
const LAB_VALUE =
  /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{1,12})\s*(?:of|von|de|:|=|is|was|ist|war|est)?\s*\d+(?:[.,]\d+)?\s?(%|mg\/dl|mmol\/l|mmol\/mol|g\/dl|g\/l|ng\/ml|[µμ]g\/l|ug\/l|pg\/ml|u\/l|iu\/l|miu\/l|mu\/l)(?![A-Za-z])/gi;

/** A dictionary word shaped like a condition, procedure or drug ("arthritis", "metformin"): the same in de/fr. */
function hasMedicalShape(lower: string, terms: ReturnType<typeof medicalTerms>): boolean {
  return lower.length >= 7 && terms.all.has(lower) && (CONDITION_SUFFIX.test(lower) || INN_STEM.test(lower));
}

/**
 * "-itis" names an inflammation in English and German alike, and no everyday word ends so:
 * a long one the English dictionary lacks is still a condition ("Thyreoiditis", German spelling).
 */
function isInflammation(lower: string): boolean {
  return lower.length >= 9 && lower.endsWith("itis") && !isVocabularyWord(lower);
}

function isMedicalShape(lower: string, terms: ReturnType<typeof medicalTerms>): boolean {
  return terms.technical.has(lower) || hasMedicalShape(lower, terms);
}

/**
 * Single words. "Not ordinary English" only means something in English text (French "chauffage"
 * is in the dictionary too), and capitalized entries are often names ("Hannah", "Dubois"): there
 * a word must have a medical shape.
 */
function wordSpans(text: string, language: () => string): Span[] {
  const terms = medicalTerms();
  // Regex-driven: the suffix shapes first (few hits), then lowercase words long enough to be technical.
  const spans: Span[] = [];
  for (const m of text.matchAll(SHAPE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    let start = m.index ?? 0;
    while (start > 0 && /[A-Za-z]/.test(text[start - 1] ?? "")) start--;
    const lower = text.slice(start, end).toLowerCase();
    if (hasMedicalShape(lower, terms) || isInflammation(lower)) spans.push({ start, end, type: "MEDICAL" });
  }
  const isEnglish = () => language() === "en";
  spans.push(
    ...matchAll(
      text,
      LOWERCASE_WORD,
      "MEDICAL",
      (m) => terms.technical.has(m[0]) && !hasMedicalShape(m[0], terms) && isEnglish(),
    ),
  );
  const shaped = (english: string) => CONDITION_SUFFIX.test(english) || INN_STEM.test(english);
  spans.push(...matchAll(text, COGNATE_CANDIDATE, "MEDICAL", (m) => isMedicalCognate(m[0].toLowerCase(), shaped)));
  spans.push(...compoundSpans(text, language, (head) => isMedicalShape(head, terms) || isMedicalCognate(head, shaped)));
  return spans;
}

/**
 * The text's language by its first 1,500 characters' function words, computed on first call and
 * kept: guessed only when needed (most texts have no technical word), and once for every rule.
 */
function textLanguage(text: string, context: RecognizerContext): () => string {
  let language: string | undefined;
  return () =>
    (language ??= guessLanguage(
      text
        .slice(0, 1500)
        .toLowerCase()
        .split(/[^a-z']+/),
      context.language,
    ));
}

// A German noun long enough to be a compound of a modifier and a condition (3 + 7 letters).
const GERMAN_COMPOUND = /(?<![A-Za-z-])[A-Z][a-z]{9,}(?![A-Za-z])/g;

/** German compounds whose last part is a medical word ("Kniearthrose", "Beinvenenthrombose"), in German text. */
function compoundSpans(text: string, language: () => string, isHead: (lowerHead: string) => boolean): Span[] {
  if (language() !== "de") return [];
  return matchAll(text, GERMAN_COMPOUND, "MEDICAL", (m) => compoundHeadStart(m[0], isHead) > 0);
}

// Head nouns that make a phrase medical after a weak cue ("history of heart disease"); closed-class grammar.
const MEDICAL_HEAD =
  /^(?:disease|disorder|syndrome|deficiency|infection|cancer|tumou?r|failure|injury|krankheit|erkrankung|storung|syndrom|maladie|trouble|insuffisance)$/i;
// Coordinated conditions continue the phrase: "migraine and asthma".
const AND = new Set(["and", "or", "und", "oder", "et", "ou"]);

function phraseEnd(text: string, from: number, extends_: (word: string) => boolean): { end: number; words: string[] } {
  let end = from;
  const words: string[] = [];
  while (words.length < 6) {
    if (words.length > 0 && text[end] !== " ") break;
    PHRASE_WORD.lastIndex = words.length === 0 ? end : end + 1;
    const w = PHRASE_WORD.exec(text);
    if (!w) break;
    const lower = w[0].toLowerCase();
    if (AND.has(lower) && words.length > 0) {
      PHRASE_WORD.lastIndex += 1;
      const next = PHRASE_WORD.exec(text);
      if (!next || !extends_(next[0])) break;
      words.push(w[0], next[0]);
      end = PHRASE_WORD.lastIndex;
      continue;
    }
    if (STOP.has(lower) || words.length >= 4) break;
    words.push(w[0]);
    end = PHRASE_WORD.lastIndex;
  }
  return { end, words };
}

/** The phrase after a cue: up to four words, cut at a function word. Weak cues need a medical word in it. */
function cuedSpans(text: string, language: () => string): Span[] {
  const terms = medicalTerms();
  // Everyday condition words are English ("gout" is taste in French): only in English text.
  const isCondition = (w: string) => isConditionNoun(w) && language() === "en";
  const isMedicalWord = (w: string) =>
    isMedicalShape(w.toLowerCase(), terms) ||
    MEDICAL_HEAD.test(w) ||
    /^[A-Z]{2,6}(?:-\d+)?$/.test(w) ||
    isCuedDrugName(w) ||
    isCondition(w);
  const inDictionary = (w: string) => w.length > 3 && terms.all.has(w.toLowerCase());
  const spans: Span[] = [];
  for (const cue of text.matchAll(CUE)) {
    const start = (cue.index ?? 0) + cue[0].length;
    if (cue[3] !== undefined) {
      // "has gout": only the word right after the verb (frequent verbs: no phrase is read).
      PHRASE_WORD.lastIndex = start;
      const first = PHRASE_WORD.exec(text)?.[0];
      if (first && isCondition(first)) spans.push({ start, end: start + first.length, type: "MEDICAL" });
      continue;
    }
    const { end, words } = phraseEnd(text, start, (w) => inDictionary(w) || isMedicalWord(w));
    if (words.length === 0) continue;
    const strong = cue[1] !== undefined;
    const drug =
      cue[2] !== undefined
        ? words.some(
            (w) => isMedicalShape(w.toLowerCase(), terms) || isMedicalCognate(w.toLowerCase()) || isCuedDrugName(w),
          )
        : words.some(isMedicalWord);
    if (strong || drug) spans.push({ start, end, type: "MEDICAL" });
  }
  return spans;
}

/** "20 mg"; with the word before it when that word is a drug ("Sertraline 50 mg", "metformin 500 mg"). */
function doseSpans(text: string): Span[] {
  const terms = medicalTerms();
  return [...text.matchAll(DOSE)].map((m) => {
    const start = m.index ?? 0;
    const name = m[1];
    const withName = name !== undefined && (isMedicalShape(name.toLowerCase(), terms) || /^[A-Z][a-z]/.test(name));
    return { start: withName ? start : start + m[0].search(/\d/), end: start + m[0].length, type: "MEDICAL" as const };
  });
}

// Quick checks that start on a digit, so most texts skip the patterns that start at every word.
const HAS_DOSE = /\d\s?(?:mg|mcg|[µμ]g|ug|ml|iu|I\.E\.|UI|units|Einheiten|unites)(?![A-Za-z])/i;
const HAS_PRESSURE = /\d{2,3}\s?\/\s?\d{2,3}/;
const HAS_LAB_UNIT =
  /\d\s?(?:%|mg\/dl|mmol\/l|mmol\/mol|g\/dl|g\/l|ng\/ml|[µμ]g\/l|ug\/l|pg\/ml|u\/l|iu\/l|miu\/l|mu\/l)/i;

function resultSpans(text: string): Span[] {
  const { all } = medicalTerms();
  const spans = HAS_PRESSURE.test(text) ? matchAll(text, BLOOD_PRESSURE, "MEDICAL") : [];
  if (!HAS_LAB_UNIT.test(text)) return spans;
  // "%" needs a medical analyte ("HbA1c", "SpO2" or a dictionary word): "CPU 95%" is not a result.
  spans.push(
    ...matchAll(
      text,
      LAB_VALUE,
      "MEDICAL",
      (m) => m[2] !== "%" || /[a-z][A-Z0-9]|[A-Z][a-z]*\d/.test(m[1] ?? "") || all.has((m[1] ?? "").toLowerCase()),
    ),
  );
  return spans;
}

export const medical: Recognizer = (text, context) => {
  const language = textLanguage(text, context);
  const spans = [
    ...wordSpans(text, language),
    ...cuedSpans(text, language),
    ...matchAll(text, LEGACY, "MEDICAL"),
    ...drugSpans(text),
  ];
  if (HAS_DOSE.test(text)) spans.push(...doseSpans(text));
  if (/\d/.test(text)) spans.push(...resultSpans(text), ...namedResultSpans(text));
  if (/allerg|intoleran|unvertr/i.test(text)) spans.push(...matchAll(text, ALLERGY, "MEDICAL"));
  if (text.includes("Morbus")) spans.push(...matchAll(text, MORBUS, "MEDICAL"));
  if (HAS_GERMAN_HEAD.test(text)) spans.push(...matchAll(text, GERMAN_HEAD, "MEDICAL"));
  return spans.map((span) => withHyphenedPrefix(text, span));
};

// The word (or letter) joined by a hyphen right before a span: "Hashimoto-", "L-".
const HYPHENED_PREFIX = /(?<![A-Za-z-])[A-Za-z][A-Za-z]*-$/;

/** "Hashimoto-Thyreoiditis", "L-Thyroxin": the modifier names the same condition or drug. */
function withHyphenedPrefix(text: string, span: Span): Span {
  if (text[span.start - 1] !== "-") return span;
  const m = HYPHENED_PREFIX.exec(text.slice(Math.max(0, span.start - 30), span.start));
  return m ? { ...span, start: span.start - m[0].length } : span;
}
