import { groupSpans, type Recognizer } from "./Recognizer";

const MONTHS =
  "jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|marz|apr(?:il)?|may|mai|jun[ei]?|juin|jul[iy]?|juil(?:let)?|aug(?:ust)?|aout|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?|janv(?:ier)?|fevr?(?:ier)?|mars|avr(?:il)?|sept(?:embre)?|octobre|novembre|decembre";
const DATE = String.raw`(?:\d{1,2}[.\/\-]\d{1,2}[.\/\-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:${MONTHS})\.?\s+\d{4}|(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|(?:in\s+|en\s+|im\s+jahr\s+)?(?:19|20)\d{2})`;
// A date near born/DOB/geboren/né (folded text: "né" reads "ne", "née" reads "nee").
const KEYWORD = String.raw`(?:born|birth\s*date|date\s+of\s+birth|d\.?o\.?b\.?|birthday|b\.|geboren|geb\.|geburtsdatum|geburtstag|nee?|nee?\s+le|date\s+de\s+naissance|naissance)`;
const DOB = new RegExp(
  String.raw`(?<![\p{L}])${KEYWORD}(?:\s+(?:on|am|le|in|the))?\s*[:,]?\s*(${DATE})(?![\p{N}])`,
  "dgiu",
);

export const dateOfBirth: Recognizer = (text) => (/\d{2}/.test(text) ? groupSpans(text, DOB, "DATE_OF_BIRTH") : []);
