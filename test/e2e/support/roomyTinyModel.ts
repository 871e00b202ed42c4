import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { writeGguf } from "../../../native-models/gguf/writeGguf";
import { tinyGgufSpec } from "../../../native-models/gguf/writeTinyGguf";

const MODEL_PATH = fileURLToPath(new URL("../../.cache/tiny-llama-roomy.gguf", import.meta.url));

/**
 * The project's tiny model with a 4,096-token context instead of 512. Its vocabulary spells most
 * words letter by letter, so in 512 tokens the private-context budget (about a third) holds a
 * profile but hardly a passage; the context tests need both in the prompt.
 */
export async function getRoomyTinyModelPath(): Promise<string> {
  await mkdir(fileURLToPath(new URL("../../.cache/", import.meta.url)), { recursive: true });
  await writeGguf(MODEL_PATH, tinyGgufSpec({ name: "tandem-tiny-roomy", contextLength: 4096 }));
  return MODEL_PATH;
}
