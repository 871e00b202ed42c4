import { estimateTokens } from "./estimateTokens";
import { splitIntoUnits, type TextUnit } from "./splitIntoUnits";
import type { CountTokens } from "./types";

export interface ChunkOptions {
  /**
   * The most tokens a chunk may have; chunks are packed up to it. Default 200: small enough that
   * several passages from different documents fit a small model's context, big enough to hold a
   * paragraph with the sentence that answers a question.
   */
  targetTokens?: number;
  /**
   * When a chunk ends inside a paragraph, up to this many tokens of its last sentences start the
   * next chunk too, so an answer spanning the cut is still found whole. No overlap at paragraph
   * boundaries. Default 40; capped at half of `targetTokens`.
   */
  overlapTokens?: number;
  /** Default: `estimateTokens` (no model needed). */
  countTokens?: CountTokens;
}

export interface TextChunk {
  /** 0, 1, 2, … in document order. */
  seq: number;
  text: string;
  /** `countTokens(text)`. */
  tokens: number;
}

export const DEFAULT_TARGET_TOKENS = 200;
export const DEFAULT_OVERLAP_TOKENS = 40;

/**
 * Splits text into chunks of at most `targetTokens` (counted by `countTokens`), breaking at
 * paragraph boundaries where a paragraph fits a chunk, else between sentences, else between
 * words. Only a single unbreakable run of characters longer than a chunk is cut mid-word.
 */
export function chunkText(text: string, options: ChunkOptions = {}): TextChunk[] {
  const target = Math.max(1, Math.floor(options.targetTokens ?? DEFAULT_TARGET_TOKENS));
  const overlap = Math.min(Math.max(0, options.overlapTokens ?? DEFAULT_OVERLAP_TOKENS), Math.floor(target / 2));
  const count = options.countTokens ?? estimateTokens;
  const groups = pack(splitIntoUnits(text, target, count), target, overlap);
  const chunks: TextChunk[] = [];
  for (const group of groups) {
    for (const fitted of fit(group, target, count)) chunks.push({ seq: chunks.length, ...fitted });
  }
  return chunks;
}

function pack(paragraphs: TextUnit[][], target: number, overlap: number): TextUnit[][] {
  const groups: TextUnit[][] = [];
  let current: TextUnit[] = [];
  for (const paragraph of paragraphs) {
    // Keep a paragraph whole when it fits a chunk of its own.
    if (current.length > 0 && total(current) + total(paragraph) > target && total(paragraph) <= target) {
      groups.push(current);
      current = [];
    }
    paragraph.forEach((unit, i) => {
      if (current.length > 0 && total(current) + unit.tokens > target) {
        groups.push(current);
        current = i > 0 ? tail(current, overlap, target - unit.tokens) : [];
      }
      current.push(unit);
    });
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The last units of a chunk worth at most `overlap` tokens and leaving room for the next unit. */
function tail(units: TextUnit[], overlap: number, room: number): TextUnit[] {
  const limit = Math.min(overlap, room);
  const kept: TextUnit[] = [];
  for (let i = units.length - 1; i > 0 && total(kept) + units[i]!.tokens <= limit; i--) kept.unshift(units[i]!);
  return kept;
}

/**
 * Unit counts are summed while packing; a real tokenizer may count the joined text a little
 * differently, so each chunk is checked once and split in halves in the rare case it is over.
 */
function fit(units: TextUnit[], target: number, count: CountTokens): Array<{ text: string; tokens: number }> {
  const text = render(units);
  const tokens = count(text);
  if (tokens <= target || units.length <= 1) return text ? [{ text, tokens }] : [];
  const mid = Math.ceil(units.length / 2);
  return [...fit(units.slice(0, mid), target, count), ...fit(units.slice(mid), target, count)];
}

function render(units: TextUnit[]): string {
  let out = "";
  units.forEach((unit, i) => {
    out = i > 0 && unit.paragraphStart ? `${out.trimEnd()}\n\n${unit.text}` : out + unit.text;
  });
  return out.trim();
}

function total(units: TextUnit[]): number {
  return units.reduce((sum, unit) => sum + unit.tokens, 0);
}
