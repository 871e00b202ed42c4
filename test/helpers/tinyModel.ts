/**
 * The project's tiny test model: a real llama GGUF with random weights, written by
 * native-models/gguf/writeTinyGguf.ts into test/.cache/ (gitignored). Encoding it takes a few
 * milliseconds, so each process encodes it and rewrites the file only if the bytes differ — a
 * change to the writer is picked up at once, and test files running side by side never see a
 * half-written file (writeGguf renames a finished temp file into place).
 */
import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { encodeGguf, writeGguf } from "../../native-models/gguf/writeGguf";
import { tinyGgufSpec } from "../../native-models/gguf/writeTinyGguf";

const CACHE_DIR = fileURLToPath(new URL("../.cache/", import.meta.url));
const MODEL_PATH = `${CACHE_DIR}tiny-llama.gguf`;

let ready: Promise<string> | null = null;

async function ensureTinyModel(): Promise<string> {
  const spec = tinyGgufSpec();
  const current = await readFile(MODEL_PATH).catch(() => null);
  if (current && current.equals(encodeGguf(spec))) return MODEL_PATH;
  await mkdir(CACHE_DIR, { recursive: true });
  await writeGguf(MODEL_PATH, spec);
  return MODEL_PATH;
}

/** The path of the tiny model (about 640 KB), written on first use. */
export function getTinyModelPath(): Promise<string> {
  ready ??= ensureTinyModel().catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}
