/**
 * Writes the project's tiny test model (random weights, llama architecture, ChatML template) to a
 * path, for demos and manual checks: `npx tsx scripts/makeTinyModel.ts out.gguf`.
 * It loads and streams in milliseconds, and writes nonsense: it is not a real assistant.
 */
import { resolve } from "node:path";
import { stat } from "node:fs/promises";
import { writeTinyGguf } from "../native-models/gguf/writeTinyGguf";

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) {
    console.error("Usage: npx tsx scripts/makeTinyModel.ts <out.gguf>");
    process.exit(2);
  }
  const path = resolve(target);
  await writeTinyGguf(path);
  const { size } = await stat(path);
  console.log(`Wrote ${path} (${size} bytes)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
