import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { writeGguf } from "../../../native-models/gguf/writeGguf";
import { tinyGgufSpec } from "../../../native-models/gguf/writeTinyGguf";
import { buildTinyVocab } from "../../../native-models/gguf/tinyVocab";

const MODEL_PATH = fileURLToPath(new URL("../../.cache/tiny-llama-endless.gguf", import.meta.url));

/**
 * Weight on the tiny model's constant residual feature (dimension 0, always positive after the
 * final norm — see shapeForText in writeTinyGguf.ts) for the tokens that end an answer.
 * Strongly negative: their logits sink by ~20, so sampling practically never picks them.
 */
const END_WEIGHT = -4;

/**
 * The project's tiny model with one change: it does not end answers by itself (no `</s>`, no
 * `<|im_end|>`), so each answer runs to maxAnswerTokens. The stock model ends most answers after a
 * few dozen tokens — about a tenth of a second — which is too quick to press Stop in the middle.
 */
export async function getEndlessTinyModelPath(): Promise<string> {
  const spec = tinyGgufSpec({ name: "tandem-tiny-endless" });
  const vocab = buildTinyVocab();
  const output = spec.tensors.find((t) => t.name === "output.weight");
  const width = spec.tensors.find((t) => t.name === "token_embd.weight")?.dims[0];
  if (!output?.data || !width) throw new Error("The tiny model's layout changed: update getEndlessTinyModelPath.");
  for (const id of [vocab.eosId, vocab.tokens.indexOf("<|im_end|>")]) output.data[id * width] = END_WEIGHT;
  await mkdir(fileURLToPath(new URL("../../.cache/", import.meta.url)), { recursive: true });
  await writeGguf(MODEL_PATH, spec);
  return MODEL_PATH;
}
