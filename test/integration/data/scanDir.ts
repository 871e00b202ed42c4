import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Every regular file under `dir` (symbolic links are not followed) whose bytes contain `needle`,
 * case-insensitively: SQLite's full-text index keeps words lower-cased, so a case-sensitive scan
 * would miss copies there.
 */
export function filesContaining(dir: string, needle: string): string[] {
  const wanted = needle.toLowerCase();
  return listFiles(dir).filter((path) => readFileSync(path).toString("latin1").toLowerCase().includes(wanted)).map((path) => relative(dir, path));
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
