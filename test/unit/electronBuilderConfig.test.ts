/**
 * electron-builder.yml checked with electron-builder's own code (config loader, schema validator,
 * file matchers and macro expander), since a real package build needs Electron's download.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);
const lib = (path: string) => require(`app-builder-lib/out/${path}`);
const { getConfig, validateConfiguration } = lib("util/config/config.js");
const { getFileMatchers, getNodeModuleFileMatcher } = lib("fileMatcher.js");
const { expandMacro } = lib("util/macroExpander.js");
const noDebug = { isEnabled: false };

type Config = Record<string, unknown> & { files: unknown; asarUnpack: string[] };
type Filter = (file: string, stat: object) => boolean;

async function loadConfig(): Promise<Config> {
  return getConfig(projectRoot, "electron-builder.yml", null);
}

/** electron-builder's own macro expander for a target (${os} is linux | mac | win). */
const expanderFor = (os: string, arch: string) => (pattern: string) =>
  expandMacro(pattern, arch, {}, { os, "/*": "{,/**/*}" });
/** What the filter sees for a file at `relativePath` inside the packaged app. */
const fileAt = (relativePath: string) => ({ isDirectory: () => false, moduleFullFilePath: relativePath });

function nodeModulesFilter(config: Config, os: string, arch: string): Filter {
  const packager = { config, debugLogger: noDebug };
  return getNodeModuleFileMatcher(projectRoot, "/out", expanderFor(os, arch), {}, packager).createFilter();
}

/** Every node-llama-cpp prebuilt package, from its own manifest (not just the ones installed here). */
function llamaPrebuiltPackages(): string[] {
  const manifestPath = join(projectRoot, "node_modules", "node-llama-cpp", "package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { optionalDependencies: Record<string, string> };
  return Object.keys(manifest.optionalDependencies).filter((name) => name.startsWith("@node-llama-cpp/"));
}

describe("electron-builder.yml", () => {
  it("passes electron-builder's schema validation", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, noDebug)).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: "app.tandem.desktop", productName: "Tandem", npmRebuild: true });
  });

  it("is checked by a validator that does reject a misspelt or mistyped option", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration({ ...config, asarUnpak: ["x"] }, noDebug)).rejects.toThrow(
      /does not match the API schema/,
    );
    await expect(validateConfiguration({ ...config, npmRebuild: "yes" }, noDebug)).rejects.toThrow(
      /does not match the API schema/,
    );
  });

  it("builds AppImage and deb for Linux, dmg for macOS and an NSIS installer for Windows", async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({
      linux: { target: ["AppImage", "deb"] },
      mac: { target: ["dmg"] },
      win: { target: ["nsis"] },
    });
  });

  it("packs only this target's CPU build of llama.cpp, none of the other OS, arch or GPU builds", async () => {
    const config = await loadConfig();
    const packages = llamaPrebuiltPackages();
    const expected: Array<[string, string, string]> = [
      ["linux", "x64", "@node-llama-cpp/linux-x64"],
      ["linux", "arm64", "@node-llama-cpp/linux-arm64"],
      ["linux", "armv7l", "@node-llama-cpp/linux-armv7l"],
      ["mac", "arm64", "@node-llama-cpp/mac-arm64-metal"],
      ["mac", "x64", "@node-llama-cpp/mac-x64"],
      ["win", "x64", "@node-llama-cpp/win-x64"],
      ["win", "arm64", "@node-llama-cpp/win-arm64"],
    ];
    for (const [os, arch, kept] of expected) {
      const filter = nodeModulesFilter(config, os, arch);
      const packed = packages.filter((name) =>
        filter(`/x/${name}/package.json`, fileAt(`node_modules/${name}/bins/addon.node`)),
      );
      expect(packed, `${os}-${arch}`).toEqual([kept]);
    }
  });

  it("keeps node-llama-cpp itself and better-sqlite3's compiled addon", async () => {
    const filter = nodeModulesFilter(await loadConfig(), "linux", "x64");
    expect(filter("/x", fileAt("node_modules/node-llama-cpp/dist/index.js"))).toBe(true);
    expect(filter("/x", fileAt("node_modules/better-sqlite3/build/Release/better_sqlite3.node"))).toBe(true);
    expect(filter("/x", fileAt("node_modules/better-sqlite3/lib/index.js"))).toBe(true);
    expect(filter("/x", fileAt("node_modules/better-sqlite3/deps/sqlite3/sqlite3.c"))).toBe(false);
    // The driver the app loads (SQLCipher encryption at rest).
    expect(filter("/x", fileAt("node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node"))).toBe(
      true,
    );
    expect(filter("/x", fileAt("node_modules/better-sqlite3-multiple-ciphers/lib/index.js"))).toBe(true);
    expect(filter("/x", fileAt("node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c"))).toBe(false);
  });

  it("ships the built app and package.json, but not sources, tests, source maps or the dev-only native copy", async () => {
    const config = await loadConfig();
    const [matcher] = getFileMatchers(config, "files", "/out", {
      macroExpander: expanderFor("linux", "x64"),
      customBuildOptions: {},
      globalOutDir: `${projectRoot}release`,
      defaultSrc: projectRoot,
    });
    const filter: Filter = matcher.createFilter();
    const ships = (path: string) => filter(`${projectRoot}${path}`, { isDirectory: () => false });
    expect(ships("dist/electron/main.js")).toBe(true);
    expect(ships("dist/electron/preload.cjs")).toBe(true);
    expect(ships("dist/renderer/index.html")).toBe(true);
    expect(ships("package.json")).toBe(true);
    expect(ships("dist/electron/main.js.map")).toBe(false);
    expect(ships("dist/electron/node_modules/better-sqlite3/build/Release/better_sqlite3.node")).toBe(false);
    expect(ships("app/config.ts")).toBe(false);
    expect(ships("test/unit/main/electron/security.test.ts")).toBe(false);
  });

  it("unpacks every native module from the asar archive", async () => {
    const config = await loadConfig();
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        "node_modules/better-sqlite3/**",
        "node_modules/node-llama-cpp/**",
        "node_modules/@node-llama-cpp/**",
      ]),
    );
  });

  it("writes packages to release/, never into dist/ where the app's own build lives", async () => {
    expect(await loadConfig()).toMatchObject({ directories: { output: "release" } });
  });
});
