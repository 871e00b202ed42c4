/**
 * A SentencePiece-style ("llama") vocabulary for the tiny test model: the three classic special
 * tokens, the 256 byte-fallback tokens (so any text can be tokenized), two ChatML control tokens,
 * and a few hundred ordinary pieces.
 */

/** llama.cpp token types (`tokenizer.ggml.token_type`). */
export const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

export interface TinyVocab {
  tokens: string[];
  scores: number[];
  types: number[];
  unkId: number;
  bosId: number;
  eosId: number;
}

const WORDS = (
  "the a an and or but if to of in on at for with from by is are was were be been it this that " +
  "you your we our they them he she his her i me my not no yes can will would do does did have has " +
  "had what when where who why how which there here all some any more most one two three new good " +
  "time day year work home name note file data user model answer question private local cloud " +
  "hello thanks please email phone meeting project plan list"
).split(" ");

// SentencePiece marks a word start with U+2581; llama.cpp's SPM tokenizer merges adjacent pieces
// only into pieces present in the vocabulary, so every prefix of a word must be a piece too.
const SPACE = "\u2581";

function ordinaryPieces(): string[] {
  const pieces = new Set<string>([SPACE]);
  for (let c = 0x21; c <= 0x7e; c++) pieces.add(String.fromCharCode(c));
  for (const word of WORDS) {
    const marked = SPACE + word;
    for (let end = 2; end <= marked.length; end++) pieces.add(marked.slice(0, end));
  }
  for (const p of ["{", "}", "[", "]", '"', ":", ","]) pieces.add(SPACE + p);
  return [...pieces];
}

export function buildTinyVocab(): TinyVocab {
  const tokens: string[] = ["<unk>", "<s>", "</s>"];
  const types: number[] = [TOKEN_TYPE.unknown, TOKEN_TYPE.control, TOKEN_TYPE.control];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
    types.push(TOKEN_TYPE.byte);
  }
  tokens.push("<|im_start|>", "<|im_end|>");
  types.push(TOKEN_TYPE.control, TOKEN_TYPE.control);
  const specialCount = tokens.length;
  for (const piece of ordinaryPieces()) {
    tokens.push(piece);
    types.push(TOKEN_TYPE.normal);
  }
  // Longer pieces score higher, so the tokenizer prefers whole words over letters.
  const scores = tokens.map((token, id) => (id < specialCount ? 0 : -1000 + token.length * 10 - id / 1000));
  return { tokens, scores, types, unkId: 0, bosId: 1, eosId: 2 };
}
