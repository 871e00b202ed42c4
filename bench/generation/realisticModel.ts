/**
 * A random-weight llama GGUF of a realistic size (~0.47B parameters, 1.9 GB of F32), written by
 * the project's own GGUF writer into bench/.out/ (gitignored) on first use, so generation is as
 * slow per token as a real small model's and the host's per-token overhead is seen in proportion.
 * It never ends an answer by itself, so every run writes exactly the requested number of tokens.
 */
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeGguf } from "../../native-models/gguf/writeGguf";
import { tinyGgufSpec, type TinyGgufOptions } from "../../native-models/gguf/writeTinyGguf";

const OUT_DIR = fileURLToPath(new URL("../.out/", import.meta.url));

/** Qwen2.5-0.5B-like depth and width (its 151k-token vocabulary aside): 28 blocks of 1024 wide. */
export const REALISTIC: Required<
  Pick<TinyGgufOptions, "embeddingLength" | "blockCount" | "headCount" | "feedForwardLength" | "contextLength">
> = {
  embeddingLength: 1024,
  blockCount: 28,
  headCount: 16,
  feedForwardLength: 4096,
  contextLength: 4096,
};

/** Parameters in the transformer blocks (attention 4·e², feed-forward 3·e·ff), the bulk of the model. */
export function blockParameters(o = REALISTIC): number {
  const e = o.embeddingLength;
  return o.blockCount * (4 * e * e + 3 * e * o.feedForwardLength);
}

/** The model's path, writing it first if it is not there (about 10–30 s and 4 GB of memory, once). */
export async function realisticModelPath(log: (line: string) => void): Promise<string> {
  const path = `${OUT_DIR}realistic-${(blockParameters() / 1e9).toFixed(2)}b-f32.gguf`;
  if (existsSync(path)) return path;
  mkdirSync(OUT_DIR, { recursive: true });
  log(`writing ${path} (first run only)…`);
  const started = performance.now();
  await writeGguf(
    path,
    tinyGgufSpec({ ...REALISTIC, seed: 20261207, name: "tandem-bench-realistic", endsAnswers: false }),
  );
  log(`  written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return path;
}
