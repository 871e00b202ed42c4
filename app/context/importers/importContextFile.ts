import { open } from "node:fs/promises";
import { basename } from "node:path";
import { TandemError } from "../../contract/errors";
import type { ImportedDocument } from "./ImportedDocument";
import { parseContextFile } from "./parseContextFile";

/**
 * The largest file Tandem imports. Text worth giving a small model is far smaller; a bigger PDF
 * is usually scanned images, and parsing it would stall the app for a long time.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Reads and parses a file on this device. The size is checked before reading, so a huge file
 * never lands in memory. Errors name the file, never its folder.
 */
export async function importContextFile(
  filePath: string,
  options: { maxBytes?: number } = {},
): Promise<ImportedDocument> {
  const fileName = basename(filePath);
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  let bytes: Buffer;
  try {
    const handle = await open(filePath, "r");
    try {
      const { size, isFile } = await statOf(handle);
      if (!isFile)
        throw new TandemError("context_unreadable", `"${fileName}" is a folder, not a file. Choose a file to import.`);
      if (size > maxBytes) throw tooLarge(fileName, size, maxBytes);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw error instanceof TandemError ? error : readError(fileName, error);
  }
  // The file may have grown between the check and the read.
  if (bytes.length > maxBytes) throw tooLarge(fileName, bytes.length, maxBytes);
  return parseContextFile(bytes, fileName);
}

async function statOf(handle: Awaited<ReturnType<typeof open>>): Promise<{ size: number; isFile: boolean }> {
  const stats = await handle.stat();
  return { size: stats.size, isFile: stats.isFile() };
}

function tooLarge(fileName: string, size: number, maxBytes: number): TandemError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new TandemError(
    "too_large",
    `"${fileName}" is ${mb(size)} MB; Tandem imports files up to ${mb(maxBytes)} MB. Split it, or paste the part you need.`,
  );
}

function readError(fileName: string, error: unknown): TandemError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === "ENOENT"
      ? "it does not exist"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : code === "EISDIR"
          ? "it is a folder"
          : "it could not be read";
  return new TandemError(
    "context_unreadable",
    `Cannot import "${fileName}": ${reason}. Check the file and try again.`,
    { cause: error },
  );
}
