/**
 * Writes the project's tiny test model: a real llama-architecture GGUF that llama.cpp loads and
 * runs, with random (seeded) F32 weights. It writes nonsense, fast — which is all the tests need
 * to exercise loading, streaming, abort, grammars and disposal without shipping model weights.
 */
import { buildTinyVocab, TOKEN_TYPE, type TinyVocab } from "./tinyVocab";
import { seededRandom } from "./seededRandom";
import { gguf, writeGguf, type GgufSpec, type GgufTensor } from "./writeGguf";

export interface TinyGgufOptions {
  /** PRNG seed for the weights; default 1234. Same options → identical file. */
  seed?: number;
  /** Embedding width; default 64. */
  embeddingLength?: number;
  /** Transformer blocks; default 2. */
  blockCount?: number;
  /** Attention heads (also the KV heads); default 4. Must divide `embeddingLength`. */
  headCount?: number;
  /** Feed-forward width; default 128. */
  feedForwardLength?: number;
  /** Training context length written to the header; default 512. */
  contextLength?: number;
  /** `general.name`; default "tandem-tiny". */
  name?: string;
  /** A Jinja chat template; default ChatML. `null` writes no template. */
  chatTemplate?: string | null;
  /**
   * Whether the model may end an answer by itself (`</s>`, `<|im_end|>`); default true. `false`
   * makes every answer run to maxTokens — for tests that must stop an answer in the middle;
   * `"at-once"` makes every answer end before its first token — for tests of an empty answer or
   * sketch, which a real model (and the default tiny one, now and then) can write.
   */
  endsAnswers?: boolean | "at-once";
}

/** The ChatML template (as shipped by many models), so node-llama-cpp resolves a ChatML wrapper. */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}" +
  "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

function randomTensor(name: string, dims: number[], next: (() => number) | null, scale: number): GgufTensor {
  if (!next) return { name, dims };
  const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) data[i] = (next() * 2 - 1) * scale;
  return { name, dims, data };
}

function onesTensor(name: string, length: number, withData: boolean): GgufTensor {
  return { name, dims: [length], data: withData ? new Float32Array(length).fill(1) : undefined };
}

/**
 * Random weights would often pick byte-fallback tokens, writing invalid UTF-8 that llama.cpp's
 * grammar and node-llama-cpp's detokenizer count differently (so a JSON string could exceed its
 * maxLength once decoded). A real model rarely does this; the tiny one is made not to: residual
 * dimension 0 is a constant that no layer writes to, so after the final norm it is always
 * positive, and the output rows of byte and non-text special tokens weigh it strongly negative.
 */
const CONSTANT_FEATURE = 8;
const SHY_WEIGHT = -2;
/** For `endsAnswers: false`: sinks the end tokens' logits by ~20, so sampling never picks them. */
const NEVER_WEIGHT = -4;
/** For `endsAnswers: "at-once"`: lifts the end tokens' logits by ~20, so sampling always picks one. */
const ALWAYS_WEIGHT = 4;

function shapeForText(tensors: GgufTensor[], e: number, ff: number, shyTokens: Map<number, number>): void {
  for (const tensor of tensors) {
    const data = tensor.data;
    if (!data) continue;
    if (tensor.name === "token_embd.weight") for (let v = 0; v < data.length / e; v++) data[v * e] = CONSTANT_FEATURE;
    else if (tensor.name === "output.weight")
      for (let v = 0; v < data.length / e; v++) data[v * e] = shyTokens.get(v) ?? 0;
    // Row 0 (output feature 0) of the matrices that write into the residual stream.
    else if (tensor.name.endsWith("attn_output.weight")) data.fill(0, 0, e);
    else if (tensor.name.endsWith("ffn_down.weight")) data.fill(0, 0, ff);
  }
}

/** Token id → weight on the constant feature, for the tokens the model should (almost) never write. */
function shyTokenWeights(vocab: TinyVocab, endsAnswers: boolean | "at-once"): Map<number, number> {
  const weights = new Map<number, number>();
  vocab.types.forEach((type, id) => {
    if (type === TOKEN_TYPE.byte || type === TOKEN_TYPE.unknown) weights.set(id, SHY_WEIGHT);
  });
  weights.set(vocab.bosId, SHY_WEIGHT).set(vocab.tokens.indexOf("<|im_start|>"), SHY_WEIGHT);
  const endWeight = endsAnswers === "at-once" ? ALWAYS_WEIGHT : endsAnswers ? null : NEVER_WEIGHT;
  if (endWeight !== null) weights.set(vocab.eosId, endWeight).set(vocab.tokens.indexOf("<|im_end|>"), endWeight);
  return weights;
}

function tinyTensors(o: Required<TinyGgufOptions>, vocab: TinyVocab, withData: boolean): GgufTensor[] {
  const vocabSize = vocab.tokens.length;
  const next = withData ? seededRandom(o.seed) : null;
  const e = o.embeddingLength;
  // Uniform ±1/sqrt(fan_in) keeps activations around 1, so logits are neither flat nor extreme.
  const w = (name: string, fanIn: number, fanOut: number) =>
    randomTensor(name, [fanIn, fanOut], next, 1 / Math.sqrt(fanIn));
  const tensors = [
    randomTensor("token_embd.weight", [e, vocabSize], next, 1),
    onesTensor("output_norm.weight", e, withData),
    w("output.weight", e, vocabSize),
  ];
  for (let b = 0; b < o.blockCount; b++) {
    const p = `blk.${b}.`;
    tensors.push(
      onesTensor(`${p}attn_norm.weight`, e, withData),
      w(`${p}attn_q.weight`, e, e),
      w(`${p}attn_k.weight`, e, e),
      w(`${p}attn_v.weight`, e, e),
      w(`${p}attn_output.weight`, e, e),
      onesTensor(`${p}ffn_norm.weight`, e, withData),
      w(`${p}ffn_gate.weight`, e, o.feedForwardLength),
      w(`${p}ffn_down.weight`, o.feedForwardLength, e),
      w(`${p}ffn_up.weight`, e, o.feedForwardLength),
    );
  }
  shapeForText(tensors, e, o.feedForwardLength, shyTokenWeights(vocab, o.endsAnswers));
  return tensors;
}

/**
 * The full spec of the tiny model (metadata + tensors), for tests that want to alter it.
 * `withData: false` leaves the tensors without data: a header only, which is how tests describe
 * models far too big to generate (the file then claims data it does not hold).
 */
export function tinyGgufSpec(
  options: TinyGgufOptions = {},
  { withData = true }: { withData?: boolean } = {},
): GgufSpec {
  const o: Required<TinyGgufOptions> = {
    seed: 1234,
    embeddingLength: 64,
    blockCount: 2,
    headCount: 4,
    feedForwardLength: 128,
    contextLength: 512,
    name: "tandem-tiny",
    chatTemplate: CHATML_TEMPLATE,
    endsAnswers: true,
    ...options,
  };
  const vocab = buildTinyVocab();
  const metadata: GgufSpec["metadata"] = {
    "general.architecture": gguf.str("llama"),
    "general.name": gguf.str(o.name),
    "general.file_type": gguf.u32(0), // ALL_F32
    "llama.context_length": gguf.u32(o.contextLength),
    "llama.embedding_length": gguf.u32(o.embeddingLength),
    "llama.feed_forward_length": gguf.u32(o.feedForwardLength),
    "llama.block_count": gguf.u32(o.blockCount),
    "llama.attention.head_count": gguf.u32(o.headCount),
    "llama.attention.head_count_kv": gguf.u32(o.headCount),
    "llama.attention.layer_norm_rms_epsilon": gguf.f32(1e-5),
    "llama.rope.dimension_count": gguf.u32(o.embeddingLength / o.headCount),
    "tokenizer.ggml.model": gguf.str("llama"),
    "tokenizer.ggml.tokens": gguf.strings(vocab.tokens),
    "tokenizer.ggml.scores": gguf.f32s(vocab.scores),
    "tokenizer.ggml.token_type": gguf.i32s(vocab.types),
    "tokenizer.ggml.unknown_token_id": gguf.u32(vocab.unkId),
    "tokenizer.ggml.bos_token_id": gguf.u32(vocab.bosId),
    "tokenizer.ggml.eos_token_id": gguf.u32(vocab.eosId),
    "tokenizer.ggml.add_bos_token": gguf.bool(true),
    "tokenizer.ggml.add_eos_token": gguf.bool(false),
  };
  if (o.chatTemplate !== null) metadata["tokenizer.chat_template"] = gguf.str(o.chatTemplate);
  return { metadata, tensors: tinyTensors(o, vocab, withData) };
}

/** Writes the tiny model to `filePath` (atomically). */
export async function writeTinyGguf(filePath: string, options: TinyGgufOptions = {}): Promise<void> {
  await writeGguf(filePath, tinyGgufSpec(options));
}
