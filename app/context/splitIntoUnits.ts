import type { CountTokens } from "./types";

/**
 * A sentence (or, for an over-long sentence, a run of words) with its trailing whitespace kept,
 * so joining units of one paragraph restores its line breaks.
 */
export interface TextUnit {
  text: string;
  tokens: number;
  /** The first unit of a paragraph: joined to the previous unit with a blank line. */
  paragraphStart: boolean;
}

const sentences = new Intl.Segmenter(undefined, { granularity: "sentence" });

/** Splits text into paragraphs (blank-line separated) of units no longer than `maxTokens` each. */
export function splitIntoUnits(text: string, maxTokens: number, count: CountTokens): TextUnit[][] {
  return text
    .split(/\n[^\S\n]*\n\s*/u)
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => paragraphUnits(paragraph.trim(), maxTokens, count));
}

function paragraphUnits(paragraph: string, maxTokens: number, count: CountTokens): TextUnit[] {
  const pieces: string[] = [];
  for (const { segment } of sentences.segment(paragraph)) {
    if (count(segment) <= maxTokens) pieces.push(segment);
    else pieces.push(...splitWords(segment, maxTokens, count));
  }
  return pieces.map((piece, i) => ({ text: piece, tokens: count(piece), paragraphStart: i === 0 }));
}

/** Packs the words of an over-long sentence into pieces of at most `maxTokens`. */
function splitWords(sentence: string, maxTokens: number, count: CountTokens): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const word of sentence.match(/\S+\s*/gu) ?? []) {
    if (count(word) > maxTokens) {
      if (current) pieces.push(current);
      pieces.push(...splitChars(word, maxTokens, count));
      current = "";
    } else if (current && count(current + word) > maxTokens) {
      pieces.push(current);
      current = word;
    } else {
      current += word;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** A "word" longer than a chunk (a URL, base64): cut it at the longest prefixes that fit. */
function splitChars(word: string, maxTokens: number, count: CountTokens): string[] {
  const chars = [...word];
  const pieces: string[] = [];
  while (chars.length > 0) {
    let low = 1;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (count(chars.slice(0, mid).join("")) <= maxTokens) low = mid;
      else high = mid - 1;
    }
    pieces.push(chars.splice(0, low).join(""));
  }
  return pieces;
}
