/**
 * The project's tiny test models: real llama GGUFs with random weights, written by
 * native-models/gguf/writeTinyGguf.ts into test/.cache/ (gitignored). Encoding one takes a few
 * milliseconds, so each process encodes it and rewrites the file only if the bytes differ — a
 * change to the writer is picked up at once, and test files running side by side never see a
 * half-written file (writeGguf renames a finished temp file into place).
 */
import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { encodeGguf, writeGguf } from "../../native-models/gguf/writeGguf";
import { tinyGgufSpec } from "../../native-models/gguf/writeTinyGguf";

const CACHE_DIR = fileURLToPath(new URL("../.cache/", import.meta.url));

export interface TinyModelVariant {
  /** Training context written to the header; default 512 (Hybrid prompts need ~2048). */
  contextLength?: number;
  /**
   * false: the model never ends an answer by itself, so Stop can be pressed mid-answer;
   * "at-once": every answer ends before its first token (an empty answer or sketch). Default true.
   */
  endsAnswers?: boolean | "at-once";
}

const ready = new Map<string, Promise<string>>();

function fileName({ contextLength, endsAnswers }: TinyModelVariant): string {
  return (
    [
      "tiny-llama",
      contextLength ? `ctx${contextLength}` : "",
      endsAnswers === false ? "endless" : "",
      endsAnswers === "at-once" ? "at-once" : "",
    ]
      .filter(Boolean)
      .join("-") + ".gguf"
  );
}

async function ensure(variant: TinyModelVariant, path: string): Promise<string> {
  const suffix = path
    .slice(CACHE_DIR.length)
    .replace(/\.gguf$/, "")
    .replace(/^tiny-llama/, "");
  const spec = tinyGgufSpec({ ...variant, name: `tandem-tiny${suffix}` });
  const current = await readFile(path).catch(() => null);
  if (current && current.equals(encodeGguf(spec))) return path;
  await mkdir(CACHE_DIR, { recursive: true });
  await writeGguf(path, spec);
  return path;
}

/** The path of a tiny model (about 640 KB), written on first use. */
export function getTinyModelPath(variant: TinyModelVariant = {}): Promise<string> {
  const path = CACHE_DIR + fileName(variant);
  let promise = ready.get(path);
  if (!promise) {
    promise = ensure(variant, path).catch((error: unknown) => {
      ready.delete(path);
      throw error;
    });
    ready.set(path, promise);
  }
  return promise;
}
