import { DE_SPELLED, EN_UNIT, FR_SPELLED } from "./numberWords";
import { groupSpans, type Recognizer, type Span } from "./Recognizer";

/**
 * Exact ages in en/de/fr, on folded text ("âgé" reads "age", "à" reads "a", "jährig" reads
 * "jahrig"). Group 1 is the part replaced. A number is an age only with a cue that makes it
 * one: a unit that says "old" ("47-year-old", "34 Jahre alt", "34-jährig"), or a phrase about
 * a person's age ("just turned 47", "aged 47", "mit 34", "à 61 ans", "seit ich 40 bin").
 * Durations are not ages: "34 Jahre Garantie", "depuis 10 ans", "il y a 10 ans", "61 ans de
 * mariage" (an anniversary says how long, not how old). Numbers in words count too ("nine years
 * old", "zweiundvierzig Jahre alt", "quarante ans"). Decades ("in my forties") are left: a range,
 * and common in public text ("a band in its forties").
 */
// ASCII classes and no u flag where the text is folded (cue words have no diacritics left):
// case-insensitive Unicode matching costs about twice the scan.
const N = String.raw`(\d{1,3})`;
// After a bare number: the sentence or clause ends, or a word that goes on talking about the age.
const BARE_END = String.raw`(?=\s*(?:[.,;:!?)\n]|$|(?:and|but|now|today|this|next|und|aber|jetzt|heute|geworden|bin|war|wurde|et|mais|maintenant|aujourd'hui)(?![A-Za-z])))`;

// Not an age in German: a noun (capitalized), a unit or a decimal follows ("mit 34 Teilnehmern", "ist 34 km", "ist 34,5").
const GERMAN_END = String.raw`(?![0-9]|[.,]\d|\s+[A-Z]|\s*(?:[%€$£°]|(?:km|kg|qm|cm|mm|ml|m|l|g|h|min|std|uhr|grad|prozent|mal)(?![A-Za-z])))`;

// An age in words: "sixty-two", "nine" (not "a": "a year old" is rare and "a" is everywhere).
const EN_AGE = String.raw`(?:${EN_UNIT})(?:[\s-](?:${EN_UNIT}))?`;
// What "turned 47" may not be followed by: a measure, not an age ("turned 90 degrees", "turns 3 pages").
const NOT_AGE_UNIT = String.raw`(?![0-9]|[.,]\d|\s*(?:%|°|degrees?|percent|times|pages?|points?|minutes?|hours?|days?|weeks?|months?|miles?|km|kg|lbs?|pounds?|dollars?|euros?|cents?|people|copies|units?|grad|prozent|mal|seiten|fois|pour\s*cent)(?![A-Za-z]))`;
// French "a/de/à N ans" with N in digits or words; not "il y a 10 ans" (ago), "61 ans de mariage".
const FR_N = String.raw`(?:\d{1,3}|${FR_SPELLED})`;

const PATTERNS: RegExp[] = [
  // Units that say "old": 47-year-old, 47 years old, 47 yrs old, 47 y/o, 47yo, 47 y.o., 47 years of age.
  /(?<![A-Za-z0-9])(\d{1,3}[\s-]?(?:years?|yrs?)[\s-]?old|\d{1,3}\s*(?:y\/o|y\.o\.|yo)|\d{1,3}\s+years?\s+of\s+age)(?![A-Za-z])/dgi,
  // German: 34 Jahre alt, 34-jährig(e/er/en), 34jährige, 34 J. (after a name or in a list).
  /(?<![A-Za-z0-9])(\d{1,3}\s*(?:jahre\s+alt|-?\s?jahrig(?:e[rnms]?)?|j\.))(?![A-Za-z])/dgi,
  // English cues before the number.
  new RegExp(
    String.raw`(?<![A-Za-z])(?:aged|age(?:\s+of)?|at\s+age|turned|turning|turns|turn|i'm|i\s+am|im|i\s+was|he's|she's|he\s+is|she\s+is|he\s+was|she\s+was|i'll\s+be|he'll\s+be|she'll\s+be)\s*:?\s*(\d{1,3}|${EN_AGE})(?:\s+years(?:\s+old)?)?${BARE_END}`,
    "dgi",
  ),
  // "age: 47", "Age 47", "Alter: 34", "âge : 61" — a label, followed by anything.
  new RegExp(
    String.raw`(?<![A-Za-z])(?:age|alter|age\s+de|agee?s?\s+de|im\s+alter\s+von|a\s+l'age\s+de)\s*:?\s*${N}(?![0-9.,]\d)(?:\s*(?:jahren|ans))?`,
    "dgi",
  ),
  // German cues: mit 34 (Jahren), ich bin 34, er ist 34, wird 34, seit ich 40 bin, als ich 12 war.
  // Case-sensitive on purpose: a capitalized word after the number is a noun ("mit 34 Teilnehmern").
  new RegExp(
    String.raw`(?<![A-Za-z])(?:[Mm]it(?:\s+(?:meinen|seinen|ihren))?|[Bb]in|[Ii]st|[Bb]ist|[Ww]ird|[Ww]erde|[Ww]urde|[Ss]eit\s+(?:ich|er|sie)|[Aa]ls\s+(?:ich|er|sie))\s+(\d{1,3}(?:\s+Jahren|\s+Jahre(?=\s+alt))?)${GERMAN_END}`,
    "dg",
  ),
  // German, the age ending the clause a few words after its verb: "er wird an Ostern fünfundachtzig",
  // "ich bin jetzt 34." (not "wird in drei Tagen geliefert": the number must end the clause; not
  // "ist": "die Antwort ist zwei").
  new RegExp(
    String.raw`(?<![A-Za-z])(?:[Ww]ird|[Ww]urde|[Bb]in)(?:\s+[A-Za-z]+){0,3}?\s+(\d{1,3}|${DE_SPELLED})(?=\s*(?:[.,;!?)\n]|$))`,
    "dg",
  ),
  // French: j'ai 52 ans, il a 61 ans, à 61 ans, âgé de 61 ans, ma fille de 8 ans, fête ses 40 ans.
  // Not "il y a 10 ans" (ago), "depuis 10 ans" (for), "61 ans de mariage" (an anniversary).
  new RegExp(
    String.raw`(?<![A-Za-z])(?:j'ai|j\s+ai|tu\s+as|(?<!y\s)a|avez|ont|de|ses|mes|ces|leurs|vers)\s+(${FR_N}\s+ans)(?!\s+(?:de|d'|plus\s+tard)(?![A-Za-z]))(?![A-Za-z])`,
    "dgi",
  ),
];
// Strong cues in any sentence: "just turned 47 last week", "aged 52", "at the age of 61 I retired".
const STRONG_CUE = new RegExp(
  String.raw`(?<![A-Za-z])(?:turned|turning|turns|aged|will\s+turn|at\s+the\s+age\s+of|at\s+age)\s+(\d{1,3}|${EN_AGE})${NOT_AGE_UNIT}(?![A-Za-z-])`,
  "dgi",
);
// In words with a unit that says old: "nine years old", "a sixty-two-year-old", "zweiundvierzig Jahre alt", "zwolfjahrig".
const IN_WORDS = new RegExp(
  String.raw`(?<![A-Za-z])(${EN_AGE}[\s-]years?[\s-]old|(?:${DE_SPELLED})\s+jahre\s+alt|(?:${DE_SPELLED})-?jahrig(?:e[rnms]?)?)(?![A-Za-z])`,
  "dgi",
);
// "Anna (29)", "I (34)": a bracketed number right after a capitalized word; "my wife (f32)",
// "husband (36M)": with a sex letter, after any word.
const BRACKETED = /\p{Lu}[\p{L}'-]*\s\((\d{1,2})\)/dgu;
const BRACKETED_SEX = /\p{L}+\s\(((?:[MFWmfw]\s?)\d{1,2}|\d{1,2}\s?[MFWmfw])\)/dgu;
// Apposition after a name: "Marie, 47 ans,", "Jonas, 34 Jahre,", "John, 47, is".
const APPOSITION = /\p{Lu}\p{Ll}+,\s(\d{1,2}(?:\s(?:ans|Jahre|years(?:\sold)?))?)(?=,|\s(?:ans|Jahre)|$)/dgu;
// The same in words, where the unit says it is an age: "Yvonne Le Gall, soixante-dix-huit ans,".
const APPOSITION_WORDS = new RegExp(
  String.raw`\p{Lu}\p{Ll}+,\s((?:${FR_SPELLED})\sans|(?:${DE_SPELLED})\sJahre|(?:${EN_AGE})\syears(?:\sold)?)(?=[,.;)]|\s|$)`,
  "dgu",
);

// "plus de 10 ans", "moins de 5 ans", "pendant/depuis … de 10 ans": a duration, not an age.
const DURATION_BEFORE =
  /(?:plus|moins|pres|environ|depuis|pendant|duree|periode|garantie|contrat|bail)\s+(?:\p{L}+\s+)?$/iu;

function isAge(value: string): boolean {
  if (!/\d/.test(value)) return true; // words: the grammar bounds them (no "a", no thousands before "years old")
  const years = Number(value.match(/\d+/)?.[0]);
  return years > 0 && years <= 120;
}

// Quick check: a digit, or a word that spelled ages need ("old", "alt", "ans", "jährig", "I am", "wird").
const MAY_HOLD_AGE = /\d|old|alt|ans|jahrig|turn|aged|i am|i'm|he is|she is|wird|wurde|bin/i;

export const age: Recognizer = (text) => {
  if (!MAY_HOLD_AGE.test(text)) return [];
  const spans: Span[] = [];
  const patterns = [...PATTERNS];
  if (/\((?:[MFWmfw]\s?)?\d{1,2}(?:\s?[MFWmfw])?\)/.test(text)) patterns.push(BRACKETED, BRACKETED_SEX);
  if (/[a-z], \d{1,2}(?:,| ans| Jahre| years)/.test(text)) patterns.push(APPOSITION);
  if (/[a-z], [a-z-]+ (?:ans|Jahre|years)/.test(text)) patterns.push(APPOSITION_WORDS);
  if (/turn|aged|age of|at age/i.test(text)) patterns.push(STRONG_CUE);
  if (/[a-z][\s-]+(?:years?[\s-]old|jahre\s+alt)|[a-z]-?jahrig/i.test(text)) patterns.push(IN_WORDS);
  for (const regex of patterns) {
    spans.push(
      ...groupSpans(
        text,
        regex,
        "AGE",
        1,
        (v, m) => isAge(v) && !DURATION_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0)),
      ),
    );
  }
  return spans;
};
