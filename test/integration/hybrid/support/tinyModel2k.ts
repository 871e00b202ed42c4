import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { writeTinyGguf } from "../../../../native-models/gguf/writeTinyGguf";

const CACHE_DIR = fileURLToPath(new URL("../../../.cache/", import.meta.url));
const MODEL_PATH = `${CACHE_DIR}tiny-llama-2k.gguf`;

/**
 * The project's tiny model (same writer, same weights) with a 2048-token training context. The
 * stock one is capped at 512 tokens, and a Hybrid sketch prompt — system prompt, sketch
 * instructions, the private context block and a scenario's instruction — needs about 700.
 */
export async function getTinyModel2kPath(): Promise<string> {
  await mkdir(CACHE_DIR, { recursive: true });
  await writeTinyGguf(MODEL_PATH, { contextLength: 2048, name: "tandem-tiny-2k" });
  return MODEL_PATH;
}
