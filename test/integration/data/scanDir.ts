import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Every regular file under `dir` (symbolic links are not followed) whose bytes contain `needle`,
 * case-insensitively: SQLite's full-text index keeps words lower-cased, so a case-sensitive scan
 * would miss copies there.
 */
export function filesContaining(dir: string, needle: string): string[] {
  const wanted = needle.toLowerCase();
  return listFiles(dir)
    .filter((path) => readFileSync(path).toString("latin1").toLowerCase().includes(wanted))
    .map((path) => relative(dir, path));
}

export function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = lstatSync(path);
    if (info.isDirectory()) files.push(...listFiles(path));
    else if (info.isFile()) files.push(path);
  }
  return files;
}

/**
 * Distinctive 32-byte slices of every file under `dir`, one per 4 KB page (at most 256 a file).
 * The database and its journal are encrypted at rest, so a marker scan cannot see into them; but
 * encrypted pages look random, so a slice of one turns up only where that file's bytes still are.
 * Slices with few distinct byte values (zero padding, plaintext structure) are left out.
 */
export function fingerprints(dir: string): Array<{ file: string; slice: Buffer }> {
  const prints: Array<{ file: string; slice: Buffer }> = [];
  for (const path of listFiles(dir)) {
    const bytes = readFileSync(path);
    for (let offset = 0, n = 0; offset + 32 <= bytes.length && n < 256; offset += 4096, n++) {
      const slice = bytes.subarray(offset + 16, offset + 48);
      if (slice.length === 32 && new Set(slice).size >= 24)
        prints.push({ file: relative(dir, path), slice: Buffer.from(slice) });
    }
  }
  return prints;
}

/** The files under `dir` that hold any of `prints` (see `fingerprints`), with where each came from. */
export function filesHolding(dir: string, prints: Array<{ file: string; slice: Buffer }>): string[] {
  const found = new Set<string>();
  for (const path of listFiles(dir)) {
    const bytes = readFileSync(path);
    for (const print of prints)
      if (bytes.includes(print.slice)) found.add(`${relative(dir, path)} (from ${print.file})`);
  }
  return [...found];
}
