/**
 * A cheap token estimate for when no model tokenizer is at hand (importing, chunking). It errs
 * on the high side for English (llama-style tokenizers need ~1.3 tokens a word; this counts a
 * word of up to 6 letters as 1, each further 6 letters as 1 more, each punctuation mark as 1)
 * and counts each CJK character as one token, as those tokenizers roughly do.
 */
const PIECE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;
const LETTERS_PER_TOKEN = 6;

export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const [piece] of text.matchAll(PIECE)) {
    tokens += 1 + Math.floor((piece.length - 1) / LETTERS_PER_TOKEN);
  }
  return tokens;
}
