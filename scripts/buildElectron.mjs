#!/usr/bin/env node
/**
 * `npm run build:electron`: bundles Electron's main process and preload into dist/electron.
 *   main/electron/main.ts    → dist/electron/main.js     ESM for Electron's Node 22. Our own code
 *     (app/, main/, native-models/) is bundled; npm packages stay external and load from
 *     node_modules at run time (native addons cannot be bundled).
 *   main/electron/preload.ts → dist/electron/preload.cjs one CJS file: a sandboxed preload may only
 *     require("electron"), so the contract and zod are bundled in.
 * Also exports `prepareElectronNative()` for scripts/start.mjs (see its comment).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(join(projectRoot, "package.json"));

/** Writes main.js and preload.cjs (+ source maps) to `outDir` (default dist/electron). */
export async function bundleElectron(root = projectRoot, outDir = join(root, "dist", "electron")) {
  const common = { absWorkingDir: root, bundle: true, sourcemap: true, logLevel: "warning", external: ["electron"] };
  await Promise.all([
    build({
      ...common,
      entryPoints: ["main/electron/main.ts"],
      outfile: join(outDir, "main.js"),
      format: "esm",
      platform: "node",
      target: "node22", // Electron 39 ships Node 22
      packages: "external",
    }),
    build({
      ...common,
      entryPoints: ["main/electron/preload.ts"],
      outfile: join(outDir, "preload.cjs"),
      format: "cjs",
      platform: "browser", // a sandboxed preload has no Node built-ins
      target: "chrome140", // Electron 39 ships Chromium 142
      minify: true, // zod comes along with the contract: ~750 kB unminified, parsed on every window load
    }),
  ]);
}

/**
 * The SQLite driver (better-sqlite3-multiple-ciphers: better-sqlite3 with SQLCipher encryption)
 * is compiled against Node's ABI (for tests, the CLI and the browser host) and
 * cannot load in Electron, which has its own. Rather than rebuilding node_modules in place (that
 * would break every Node user of the same checkout), this puts an Electron-ABI copy in
 * dist/electron/node_modules, which Node's resolution finds first from dist/electron/main.js.
 * Needs the network once (a prebuilt binary, or Electron's headers to compile); cached after.
 * Returns null on success, else a short reason.
 */
const NATIVE_SQLITE = "better-sqlite3-multiple-ciphers";

export function prepareElectronNative(root = projectRoot, onBuild = () => {}) {
  const electronVersion = readVersion("electron");
  const source = dirname(require.resolve(`${NATIVE_SQLITE}/package.json`));
  const target = join(root, "dist", "electron", "node_modules", NATIVE_SQLITE);
  const marker = join(target, ".electron-abi");
  const wanted = `electron ${electronVersion} ${process.platform}-${process.arch} ${NATIVE_SQLITE} ${readVersion(NATIVE_SQLITE)}`;
  if (existsSync(marker) && readFileSync(marker, "utf8") === wanted) return null;

  onBuild();
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, {
    recursive: true,
    filter: (file) => !relative(source, file).startsWith(`build${sep}`) && relative(source, file) !== "build",
  });
  const flags = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
  const ok =
    run(require.resolve("prebuild-install/bin.js"), flags, target) ||
    run(
      require.resolve("node-gyp/bin/node-gyp.js"),
      ["rebuild", "--release", ...flags, "--dist-url=https://electronjs.org/headers"],
      target,
    );
  if (!ok) {
    rmSync(target, { recursive: true, force: true });
    return `could not build ${NATIVE_SQLITE} for Electron (no prebuilt binary, and no Electron headers to compile one)`;
  }
  writeFileSync(marker, wanted);
  return null;
}

function run(script, args, cwd) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, stdio: "ignore", timeout: 10 * 60_000 });
  return result.status === 0;
}

function readVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")).version;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await bundleElectron();
}
