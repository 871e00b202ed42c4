/**
 * Electron's main process: one instance, one window, the core behind the contract over IPC.
 * Bundled by scripts/buildElectron.mjs to dist/electron/main.js (package.json "main"); the
 * security decisions live in security.ts / hardenElectron.ts, where they are unit-tested.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, protocol, session, shell } from "electron";
import { readConfig } from "../../app/config";
import { createLogger } from "../../app/logging/Logger";
import type { Host } from "../host/Host";
import { createHost } from "../host/createHost";
import { keychainSecrets } from "./keychainSecrets";
import { APP_SCHEME, APP_URL } from "./appOrigin";
import { createAppProtocolHandler } from "./appProtocol";
import { hardenSession, hardenWebContents } from "./hardenElectron";
import { forwardEvents, registerIpc } from "./ipc";
import { isSafeExternalUrl } from "./security";
import { windowOptions } from "./windowOptions";
import { rememberPlacement, restoredPlacement } from "./windowPlacement";

const config = readConfig(process.env, { dataDir: app.getPath("userData") });
const log = createLogger({
  name: "electron",
  level: config.logLevel,
  sink: (line) => process.stderr.write(line + "\n"),
});
const rendererDir = join(app.getAppPath(), "dist", "renderer");
const preloadPath = join(dirname(fileURLToPath(import.meta.url)), "preload.cjs");

// Must happen before 'ready': gives app://tandem a real, secure origin (fetch, CSP, storage).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let window: BrowserWindow | null = null;
let hostReady: Promise<Host> | null = null;
let quitting = false;
const cleanups: Array<() => void> = [];

if (!app.requestSingleInstanceLock()) {
  // Another Tandem already owns the data dir (and the SQLite file): focus it, do not open a second.
  app.quit();
} else {
  app.on("second-instance", focusWindow);
  app.on("web-contents-created", (_event, contents) => hardenWebContents(contents, openExternal));
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  app.on("activate", () => {
    if (cleanups.length > 0 && !quitting && BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
  quitCleanlyOnSignals();
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  if (!existsSync(join(rendererDir, "index.html"))) {
    return fail(
      new Error(
        `The UI is not built (${join(rendererDir, "index.html")} is missing). Run "npm start" or "npm run build".`,
      ),
    );
  }
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  hostReady = createHost({
    dataDir: config.dataDir,
    kind: "electron",
    gpu: "auto",
    secrets: keychainSecrets(config.dataDir),
  });
  const host = await hostReady;
  if (quitting) return;
  cleanups.push(registerIpc(ipcMain, host, log.child("ipc")));
  cleanups.push(forwardEvents(host, () => window?.webContents ?? null));
  window = createWindow();
  log.info("started");
}

function createWindow(): BrowserWindow {
  const options = windowOptions({ preloadPath, dark: nativeTheme.shouldUseDarkColors });
  // Where the user left it last time, kept on a display that is still there (issue 8).
  const placement = restoredPlacement(config.dataDir, { width: options.minWidth ?? 0, height: options.minHeight ?? 0 });
  const created = new BrowserWindow({ ...options, ...placement?.bounds });
  const forget = rememberPlacement(created, config.dataDir, log.child("window"));
  // maximize() also shows the window: only once the page is ready, like show().
  created.once("ready-to-show", () => (placement?.maximized ? created.maximize() : created.show()));
  created.on("closed", () => {
    forget();
    if (window === created) window = null;
  });
  void created.loadURL(APP_URL);
  return created;
}

function focusWindow(): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** Only called with URLs security.ts already checked; checked again here, the last gate. */
async function openExternal(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return;
  await shell.openExternal(url).catch(() => log.warn("could not open a link in the browser"));
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error("could not start", { error: message });
  dialog.showErrorBox("Tandem could not start", message);
  app.exit(1);
}

// Quitting waits for host.close(): running answers are kept as "stopped", the model is disposed
// and the database is closed cleanly instead of being cut off mid-write.
let closed = false;
app.on("before-quit", (event) => {
  if (closed) return;
  event.preventDefault();
  if (quitting) return;
  quitting = true;
  void shutdown().finally(() => {
    closed = true;
    app.quit();
  });
});

async function shutdown(): Promise<void> {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  const host = await hostReady?.catch(() => null);
  await host?.close().catch((error: unknown) => log.error("host.close failed", { error: String(error) }));
}

function quitCleanlyOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.quit());
}
