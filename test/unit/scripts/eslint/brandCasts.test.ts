import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../../..");
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, "eslint.config.js") });

/** The project's no-restricted-syntax messages for `code` as if it were the file at `path`. */
async function castErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

const SKIP_GATE =
  'import type { GatedRequest } from "../../egress/GatedRequest";\nexport const forged = { request: {}, record: {} } as unknown as GatedRequest;\n';

describe("the privacy boundary's brands in lint", () => {
  it("rejects a cast to GatedRequest anywhere but the egress gate, so no code can skip it", async () => {
    expect(await castErrors("app/pipeline/hybrid/forge.ts", SKIP_GATE)).toEqual([
      expect.stringMatching(/Only EgressGate makes a GatedRequest/),
    ]);
    expect(await castErrors("app/egress/EgressGate.ts", SKIP_GATE)).toEqual([]);
  });

  it("rejects a cast to SanitizedText outside the sanitizer, in the core and in the hosts", async () => {
    const code =
      'import type { SanitizedText } from "../../app/privacy";\nexport const clean = <T,>(text: T) => text as unknown as SanitizedText;\n';
    expect(await castErrors("main/cli/launder.ts", code)).toHaveLength(1);
    expect(await castErrors("app/privacy/brand.ts", code)).toEqual([]);
  });
});
