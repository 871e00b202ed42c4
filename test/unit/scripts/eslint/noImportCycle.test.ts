import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain-JS ESLint rule (scripts/eslint), loaded by eslint.config.js as is
import { noImportCycle } from "../../../../scripts/eslint/noImportCycle.js";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the files into a fresh folder and lints `target` with the rule alone. */
function lint(files: Record<string, string>, target: string): string[] {
  dir = mkdtempSync(join(tmpdir(), "tandem-cycle-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const linter = new Linter({ cwd: dir });
  const config = [
    {
      files: ["**/*.ts"],
      languageOptions: { parser: tseslint.parser as Linter.Parser },
      plugins: { tandem: { rules: { "no-import-cycle": noImportCycle } } },
      rules: { "tandem/no-import-cycle": "error" as const },
    },
  ];
  return linter.verify(files[target]!, config, { filename: join(dir, target) }).map((m) => m.message);
}

describe("the import-cycle lint rule", () => {
  it("reports a circle made only of type imports, naming every file on it", () => {
    const messages = lint(
      {
        "a.ts": 'import type { B } from "./b";\nexport interface A { b: B }\n',
        "b.ts": 'import type { C } from "./c";\nexport interface B { c: C }\n',
        "c.ts": 'import type { A } from "./a";\nexport interface C { a?: A }\n',
      },
      "a.ts",
    );
    expect(messages).toEqual([
      "Import cycle: a.ts → b.ts → c.ts → a.ts. Move the shared declaration to a module both can import.",
    ]);
  });

  it("reports a circle closed by a re-export", () => {
    const messages = lint(
      {
        "a.ts": 'export { b } from "./b";\nexport const a = 1;\n',
        "b.ts": 'import { a } from "./a";\nexport const b = a;\n',
      },
      "b.ts",
    );
    expect(messages).toHaveLength(1);
  });

  it("accepts imports that only go one way", () => {
    expect(
      lint({ "a.ts": 'import { b } from "./b";\nexport const a = b;\n', "b.ts": "export const b = 1;\n" }, "a.ts"),
    ).toEqual([]);
  });
});
