/**
 * The checks a finished download must pass before it becomes a model: the size the server
 * announced, the SHA-256 when one is known, and a GGUF header that is complete (inspectGguf
 * refuses a file cut short or corrupt). A file that fails is deleted: it can only mislead.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { TandemError } from "../../app/contract/errors";
import type { GgufSummary } from "../../app/model/LocalModel";

export interface VerifyOptions {
  path: string;
  uri: string;
  totalBytes: number;
  expectedSha256: string | null;
  inspect(path: string): Promise<GgufSummary>;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function corrupt(uri: string, detail: string): TandemError {
  return new TandemError(
    "download_corrupt",
    `The file downloaded from ${uri} is damaged: ${detail}. It was deleted; download it again.`,
  );
}

async function check(options: VerifyOptions): Promise<{ sha256: string; summary: GgufSummary }> {
  const size = (await stat(options.path)).size;
  if (options.totalBytes > 0 && size !== options.totalBytes) {
    throw corrupt(
      options.uri,
      `it has ${size.toLocaleString("en")} bytes but the server announced ${options.totalBytes.toLocaleString("en")}`,
    );
  }
  const sha256 = await sha256File(options.path);
  if (options.expectedSha256 && sha256 !== options.expectedSha256.toLowerCase()) {
    throw corrupt(options.uri, `its SHA-256 is ${sha256}, expected ${options.expectedSha256.toLowerCase()}`);
  }
  try {
    return { sha256, summary: await options.inspect(options.path) };
  } catch (error) {
    if (error instanceof TandemError && error.code === "model_invalid")
      throw corrupt(options.uri, `it is not a complete GGUF model (${error.message})`);
    throw error;
  }
}

/** Returns the file's SHA-256 and header summary, or deletes it and throws `download_corrupt`. */
export async function verifyDownload(options: VerifyOptions): Promise<{ sha256: string; summary: GgufSummary }> {
  try {
    return await check(options);
  } catch (error) {
    if (error instanceof TandemError && error.code === "download_corrupt") await rm(options.path, { force: true });
    throw error;
  }
}
