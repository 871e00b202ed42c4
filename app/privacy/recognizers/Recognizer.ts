import type { PrivateType } from "../types";

/** A span found by a recognizer, in offsets of the (normalized) text it was given. */
export interface Span {
  start: number;
  end: number;
  type: PrivateType;
}

export interface RecognizerContext {
  /** ISO 3166 region of the user's locale: the default country for phone numbers. */
  country: string;
  /** Primary language of the user's locale ("en", "de", "fr", …). */
  language: string;
}

/** A small pure function: text in, spans out. Never throws on odd input. */
export type Recognizer = (text: string, context: RecognizerContext) => Span[];

/** Collects every match of a global regex as spans of one type, optionally filtered. */
export function matchAll(
  text: string,
  regex: RegExp,
  type: PrivateType,
  accept?: (m: RegExpMatchArray) => boolean,
): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(regex)) {
    if (accept && !accept(m)) continue;
    const start = m.index ?? 0;
    spans.push({ start, end: start + m[0].length, type });
  }
  return spans;
}

/** The span of capture group 1 (needs the `d` flag on the regex). */
export function groupSpans(
  text: string,
  regex: RegExp,
  type: PrivateType,
  group = 1,
  accept?: (value: string, m: RegExpMatchArray) => boolean,
): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(regex)) {
    const range = m.indices?.[group];
    const value = m[group];
    if (!range || value === undefined || (accept && !accept(value, m))) continue;
    spans.push({ start: range[0], end: range[1], type });
  }
  return spans;
}

/** Trims trailing punctuation that ends a sentence rather than an item. */
export function trimTrailing(text: string, start: number, end: number, chars = /[.,;:!?)\]}'"»”’]/): number {
  let e = end;
  while (e > start && chars.test(text[e - 1] ?? "")) e--;
  return e;
}
