import { groupSpans, type Recognizer, type Span } from "./Recognizer";

// Ages in en/de/fr (folded text: "âgé" reads "age"). Group 1 is the age phrase replaced.
const PATTERNS: RegExp[] = [
  /(?<![\p{L}\p{N}])(\d{1,3}[\s-]?(?:years?|yrs?|year)[\s-]?old|\d{1,3}-year-old|\d{1,3}\s*(?:y\/o|yo|j\.|jahre alt|jahre|ans))(?![\p{L}])/dgiu,
  /(?<![\p{L}])(?:aged|age|alter|age de|agee? de)\s*:?\s*(\d{1,3})(?![\p{N}])/dgiu,
  /(?<![\p{L}])(?:i'm|i am|im|ich bin|j'ai)\s+(\d{1,3})(?:\s+(?:years|jahre|ans))?(?=\s*(?:[.,;!?)]|$|and|und|et|years|jahre|ans|now|jetzt|\n))/dgiu,
  // "Anna (29)": a bracketed number right after a capitalized word.
  /\p{Lu}[\p{L}'-]+\s\((\d{1,2})\)/dgu,
];

export const age: Recognizer = (text) => {
  if (!/\d/.test(text)) return [];
  const spans: Span[] = [];
  for (const regex of PATTERNS) spans.push(...groupSpans(text, regex, "AGE", 1, (v) => Number(v.match(/\d+/)?.[0]) <= 120));
  return spans;
};
