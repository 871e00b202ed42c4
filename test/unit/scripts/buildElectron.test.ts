/**
 * The bundles Electron actually loads, built by scripts/buildElectron.mjs into a temp dir and
 * checked without the Electron binary: the preload runs in a VM with a sandbox-like `require`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_NAMES } from "../../../app/contract/channels";

const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "tandem-electron-bundle-"));
  // A computed specifier: the script is plain JS without type declarations.
  const script = pathToFileURL(join(projectRoot, "scripts", "buildElectron.mjs")).href;
  const { bundleElectron } = (await import(script)) as { bundleElectron: (root: string, out: string) => Promise<void> };
  await bundleElectron(projectRoot, outDir);
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Runs preload.cjs the way a sandboxed renderer does: `require` knows only "electron". */
function runPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: Array<[string, unknown]> = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, request: unknown) => (
        invoked.push([channel, request]),
        { ok: true, value: null }
      ),
      on: () => undefined,
      removeListener: () => undefined,
    },
  };
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== "electron") throw new Error(`a sandboxed preload cannot require("${name}")`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(join(outDir, "preload.cjs"), "utf8"), {
    require: sandboxRequire,
    module,
    exports: module.exports,
    console,
  });
  return { exposed, invoked, required };
}

describe("the bundled preload", () => {
  it("requires nothing but electron, so it runs in a sandboxed renderer", () => {
    expect(new Set(runPreload().required)).toEqual(new Set(["electron"]));
  });

  it("exposes one object, window.tandem, with a method per channel that invokes that channel", async () => {
    const { exposed, invoked } = runPreload();
    expect([...exposed.keys()]).toEqual(["tandem"]);
    const bridge = exposed.get("tandem") as { api: Record<string, Record<string, (r: unknown) => Promise<unknown>>> };
    const methods = Object.entries(bridge.api).flatMap(([domain, verbs]) =>
      Object.keys(verbs).map((verb) => `${domain}:${verb}`),
    );
    expect(methods.sort()).toEqual([...CHANNEL_NAMES].sort());
    await bridge.api.conversations!.rename!({ id: "c1", title: "Trip" });
    expect(invoked).toEqual([["conversations:rename", { id: "c1", title: "Trip" }]]);
  });
});

describe("the bundled main process", () => {
  it("imports only Node built-ins, electron and production dependencies (devDependencies are not packaged)", () => {
    const code = readFileSync(join(outDir, "main.js"), "utf8");
    const specifiers = [...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)].map(
      (m) => m[1] ?? m[2]!,
    );
    const { dependencies } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set([
      ...Object.keys(dependencies),
      "electron",
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
    ]);
    const packageOf = (s: string) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => !allowed.has(packageOf(s)) && !allowed.has(s))).toEqual([]);
    // esbuild turns a require() it cannot bundle into a __require shim that throws in ESM.
    expect(code).not.toMatch(/require\(["']/);
  });

  it("is an ES module with our own code (core, hosts, native models) inside it", () => {
    const code = readFileSync(join(outDir, "main.js"), "utf8");
    expect(code).toContain("// main/electron/main.ts");
    expect(code).toContain("// main/host/createHost.ts");
    expect(code).toContain("// app/contract/channels.ts");
  });
});
