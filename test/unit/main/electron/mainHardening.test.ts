import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { APP_URL } from "../../../../main/electron/appOrigin";

/**
 * hardenElectron.test.ts checks the rules; this checks that Electron's main process installs
 * them (issue 15: "the rule is tested, its installation is not"). main.ts runs against a fake
 * `electron` module that records what it was given; the UI is not built in the fake app folder,
 * so start() stops with an error dialog right after hardening, before any host or window exists.
 */
type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Array<(...args: unknown[]) => void>>();
  const session = {
    beforeRequest: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
    headers: null as
      null | ((details: { responseHeaders?: Record<string, string[]> }, callback: (r: unknown) => void) => void),
    permissionRequest: null as
      | null
      | ((
          contents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
          details: { requestingUrl: string },
        ) => void),
    permissionCheck: null as null | ((contents: unknown, permission: string, origin: string) => boolean),
  };
  return { appListeners, session, appDir: "", errors: [] as string[], exits: [] as number[], windows: 0 };
});

vi.mock("electron", () => {
  const defaultSession = {
    webRequest: {
      onBeforeRequest: (listener: typeof fake.session.beforeRequest) => (fake.session.beforeRequest = listener),
      onHeadersReceived: (listener: typeof fake.session.headers) => (fake.session.headers = listener),
    },
    setPermissionRequestHandler: (handler: typeof fake.session.permissionRequest) =>
      (fake.session.permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof fake.session.permissionCheck) =>
      (fake.session.permissionCheck = handler),
  };
  const app = {
    getPath: () => fake.appDir,
    getAppPath: () => fake.appDir,
    requestSingleInstanceLock: () => true,
    on: (name: string, listener: (...args: unknown[]) => void) => {
      fake.appListeners.set(name, [...(fake.appListeners.get(name) ?? []), listener]);
      return app;
    },
    whenReady: () => Promise.resolve(),
    quit: () => undefined,
    exit: (code: number) => void fake.exits.push(code),
  };
  class BrowserWindow {
    constructor() {
      fake.windows++;
    }
    static getAllWindows() {
      return [];
    }
  }
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (_title: string, message: string) => void fake.errors.push(message) },
    ipcMain: {},
    nativeTheme: { shouldUseDarkColors: false },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: { defaultSession },
    shell: { openExternal: async () => undefined },
    safeStorage: { isEncryptionAvailable: () => false },
    screen: { getAllDisplays: () => [] },
  };
});

/** The parts of a webContents the hardening touches. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  getURL() {
    return APP_URL;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  fire(name: string, details: Record<string, unknown> = {}): boolean {
    let prevented = false;
    this.emit(name, { ...details, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe("Electron's main process installs the window's security rules", () => {
  const signalListeners = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };

  beforeAll(async () => {
    fake.appDir = mkdtempSync(join(tmpdir(), "tandem-electron-main-"));
    await import("../../../../main/electron/main");
    // start() reads the app folder after the import: vi.waitFor's 1 s default is too short on a busy machine.
    await vi.waitFor(() => expect(fake.errors).toHaveLength(1), { timeout: 15_000 });
  }, 30_000);

  afterAll(() => {
    // main.ts quits on SIGINT/SIGTERM: take back only the listeners it added.
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      for (const listener of process.listeners(signal))
        if (!signalListeners[signal].includes(listener)) process.off(signal, listener);
    }
    rmSync(fake.appDir, { recursive: true, force: true });
  });

  it("got as far as the UI check and stopped there, with no window", () => {
    expect(fake.errors[0]).toMatch(/The UI is not built/);
    expect(fake.exits).toEqual([1]);
    expect(fake.windows).toBe(0);
  });

  it("the default session cancels every request that is not for the app's own files", () => {
    const decisions: boolean[] = [];
    for (const url of [`${APP_URL}index.html`, "https://api.openai.com/v1/models", "http://127.0.0.1:9/"])
      fake.session.beforeRequest?.({ url }, (r) => decisions.push(r.cancel));
    expect(decisions).toEqual([false, true, true]);
  });

  it("the default session puts the CSP on responses and denies camera and location", () => {
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    fake.session.headers?.({ responseHeaders: {} }, (r) => (response = r as typeof response));
    expect(Object.keys(response?.responseHeaders ?? {})).toContain("Content-Security-Policy");
    const answers: boolean[] = [];
    for (const permission of ["media", "geolocation"])
      fake.session.permissionRequest?.(null, permission, (granted) => answers.push(granted), {
        requestingUrl: APP_URL,
      });
    expect(answers).toEqual([false, false]);
    expect(fake.session.permissionCheck?.(null, "media", "app://tandem")).toBe(false);
  });

  it("every webContents Electron creates is hardened: no navigating away, no new windows, no <webview>", () => {
    const listeners = fake.appListeners.get("web-contents-created") ?? [];
    expect(listeners).toHaveLength(1);
    const contents = new FakeContents();
    (listeners[0] as Listener)({}, contents);
    expect(contents.fire("will-navigate", { url: "https://example.org/" })).toBe(true);
    expect(contents.windowOpenHandler?.({ url: "https://example.org/" })).toEqual({ action: "deny" });
    expect(contents.fire("will-attach-webview")).toBe(true);
  });
});
