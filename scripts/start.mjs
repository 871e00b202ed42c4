#!/usr/bin/env node
/**
 * `npm start`: Tandem in an Electron window. `npm run web` (--web): the browser host.
 * Where Electron cannot run — its binary could not be downloaded, or there is no display — this
 * says so in one line and starts the browser host instead, which prints its own URL.
 * Env: TANDEM_SKIP_ELECTRON_DOWNLOAD=1 skips the download attempt (CI, offline machines).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { bundleElectron, prepareElectronNative, projectRoot } from "./buildElectron.mjs";

const require = createRequire(join(projectRoot, "package.json"));
const DOWNLOAD_TIMEOUT_MS = 60_000;
const web = process.argv.includes("--web");

buildRendererIfStale();
const webHost = [require.resolve("tsx/cli"), join(projectRoot, "main", "web", "index.ts")];
if (web) {
  run(process.execPath, webHost);
} else {
  const reason = whyNoElectron();
  if (reason) {
    console.log(
      `Tandem: Electron is not available here (${reason}); serving the same UI in your browser instead — open the http://127.0.0.1 link printed below.`,
    );
    run(process.execPath, webHost);
  } else {
    await bundleElectron();
    run(electronBinary(), [projectRoot]);
  }
}

/** Why Electron cannot run here, or null when it can (fetching its binary once if missing). */
function whyNoElectron() {
  const noDisplay = process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (noDisplay) return "no display: DISPLAY and WAYLAND_DISPLAY are unset";
  // Chromium's sandbox refuses to start as root, and Tandem does not turn the sandbox off.
  if (process.platform === "linux" && process.getuid?.() === 0)
    return "running as root, where Electron's sandbox cannot start";
  if (!electronBinary()) {
    if (process.env.TANDEM_SKIP_ELECTRON_DOWNLOAD === "1")
      return "its binary is not installed and TANDEM_SKIP_ELECTRON_DOWNLOAD=1";
    console.log(`Tandem: Electron's binary is missing; trying to download it (up to ${DOWNLOAD_TIMEOUT_MS / 1000} s)…`);
    const install = join(projectRoot, "node_modules", "electron", "install.js");
    spawnSync(process.execPath, [install], { stdio: "ignore", timeout: DOWNLOAD_TIMEOUT_MS });
    if (!electronBinary()) return "could not download its binary";
  }
  return prepareElectronNative(projectRoot, () =>
    console.log("Tandem: building the SQLite driver for Electron (first start, may take a few minutes)…"),
  );
}

/** The Electron executable's path, or null when its binary was never downloaded. */
function electronBinary() {
  try {
    // node_modules/electron/index.js returns the path, or throws when path.txt is missing.
    delete require.cache[require.resolve("electron")];
    const path = require("electron");
    return typeof path === "string" && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** `vite build` when dist/renderer is missing or older than anything the UI is built from. */
function buildRendererIfStale() {
  const built = join(projectRoot, "dist", "renderer", "index.html");
  const sources = ["renderer", "app/contract", "vite.config.ts"].map((p) => join(projectRoot, p));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  console.log("Tandem: building the UI…");
  const vite = join(projectRoot, "node_modules", "vite", "bin", "vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: projectRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Runs the app in the foreground: Ctrl+C / SIGTERM reach it, its exit code becomes ours. */
function run(command, args) {
  const child = spawn(command, args, { cwd: projectRoot, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
