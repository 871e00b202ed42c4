import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../../..");

/** The promise map of docs/TESTING.md: its tables from "Install and start" up to "Not guarded by a test". */
function mapRows(): string[] {
  const doc = readFileSync(join(ROOT, "docs/TESTING.md"), "utf8");
  const map = doc.slice(doc.indexOf("## Install and start"), doc.indexOf("## Not guarded by a test"));
  return map.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| promise"));
}

/**
 * Each test the row credits: a `project/path` of a test file and the quoted parts of test names
 * after it ("…" stands for words left out), so a renamed or deleted test cannot leave a promise
 * credited to nothing.
 */
function credits(row: string): Array<{ file: string; quotes: string[] }> {
  const cell = row.slice(row.indexOf(" | ") + 3);
  const found: Array<{ file: string; quotes: string[] }> = [];
  for (const [, path, quote, curly] of cell.matchAll(/`((?:unit|integration|e2e)\/[^`]+)`|"([^"]+)"|“([^”]+)”/g)) {
    if (path) found.push({ file: `test/${path}.test.ts`, quotes: [] });
    else found.at(-1)?.quotes.push(quote ?? curly ?? "");
  }
  return found;
}

describe("docs/TESTING.md's promise map", () => {
  it("credits every promise to test files that exist, and quotes only test text those files contain", () => {
    const rows = mapRows();
    expect(rows.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const row of rows) {
      for (const { file, quotes } of credits(row)) {
        if (!existsSync(join(ROOT, file))) {
          wrong.push(`no file ${file}`);
          continue;
        }
        const text = readFileSync(join(ROOT, file), "utf8");
        for (const part of quotes.flatMap((q) => q.split("…")).map((p) => p.trim()))
          if (part.length >= 4 && !text.includes(part)) wrong.push(`${file} has no "${part}"`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
