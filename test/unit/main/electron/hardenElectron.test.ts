import { EventEmitter } from "node:events";
import type { Session, WebContents } from "electron";
import { describe, expect, it } from "vitest";
import { APP_URL } from "../../../../main/electron/appOrigin";
import { hardenSession, hardenWebContents } from "../../../../main/electron/hardenElectron";
import { CONTENT_SECURITY_POLICY } from "../../../../main/electron/security";

/** The parts of a webContents the hardening touches, on a real EventEmitter. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(private url: string) {
    super();
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits an event the way Electron does and reports whether a listener prevented it. */
  fire(name: string, details: Record<string, unknown> = {}): boolean {
    let prevented = false;
    this.emit(name, { ...details, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function setup() {
  const contents = new FakeContents(APP_URL);
  const opened: string[] = [];
  hardenWebContents(contents as unknown as WebContents, (url) => void opened.push(url));
  return { contents, opened };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("hardenWebContents", () => {
  it("blocks leaving the app and opens a web link in the user's browser instead", async () => {
    const { contents, opened } = setup();
    expect(contents.fire("will-navigate", { url: "https://example.org/page" })).toBe(true);
    await flush();
    expect(opened).toEqual(["https://example.org/page"]);
  });

  it("blocks javascript: and file: navigations without opening anything", async () => {
    const { contents, opened } = setup();
    expect(contents.fire("will-navigate", { url: "javascript:alert(1)" })).toBe(true);
    expect(contents.fire("will-navigate", { url: "file:///etc/passwd" })).toBe(true);
    await flush();
    expect(opened).toEqual([]);
  });

  it("lets a #fragment change on the app's page through", () => {
    const { contents } = setup();
    expect(contents.fire("will-navigate", { url: `${APP_URL}#settings` })).toBe(false);
  });

  it("blocks sub-frames from navigating away, without opening the browser", async () => {
    const { contents, opened } = setup();
    expect(contents.fire("will-frame-navigate", { url: "https://example.org/", isMainFrame: false })).toBe(true);
    await flush();
    expect(opened).toEqual([]);
  });

  it("lets the app's own #fragment changes through will-frame-navigate, in the main frame and in a sub-frame", () => {
    const { contents } = setup();
    expect(contents.fire("will-frame-navigate", { url: `${APP_URL}#settings`, isMainFrame: true })).toBe(false);
    expect(contents.fire("will-frame-navigate", { url: `${APP_URL}#settings`, isMainFrame: false })).toBe(false);
  });

  it("denies every new window and hands only safe links to the browser", async () => {
    const { contents, opened } = setup();
    expect(contents.windowOpenHandler?.({ url: "https://example.org/" })).toEqual({ action: "deny" });
    expect(contents.windowOpenHandler?.({ url: "file:///etc/passwd" })).toEqual({ action: "deny" });
    expect(contents.windowOpenHandler?.({ url: APP_URL })).toEqual({ action: "deny" });
    await flush();
    expect(opened).toEqual(["https://example.org/"]);
  });

  it("refuses to attach a <webview>", () => {
    const { contents } = setup();
    expect(contents.fire("will-attach-webview")).toBe(true);
  });

  it("survives a browser that fails to open the link", async () => {
    const contents = new FakeContents(APP_URL);
    hardenWebContents(contents as unknown as WebContents, () => Promise.reject(new Error("no browser")));
    expect(contents.fire("will-navigate", { url: "https://example.org/" })).toBe(true);
    await flush();
  });
});

describe("hardenSession", () => {
  function harden() {
    const captured: {
      headers?: (details: { responseHeaders?: Record<string, string[]> }, callback: (r: unknown) => void) => void;
      before?: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
      request?: (
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
        details: { requestingUrl: string },
      ) => void;
      check?: (contents: unknown, permission: string, origin: string) => boolean;
    } = {};
    const session = {
      webRequest: {
        onHeadersReceived: (listener: typeof captured.headers) => (captured.headers = listener),
        onBeforeRequest: (listener: typeof captured.before) => (captured.before = listener),
      },
      setPermissionRequestHandler: (handler: typeof captured.request) => (captured.request = handler),
      setPermissionCheckHandler: (handler: typeof captured.check) => (captured.check = handler),
    };
    hardenSession(session as unknown as Session);
    return captured;
  }

  it("puts the CSP on every response", () => {
    let response: unknown;
    harden().headers?.({ responseHeaders: { "Content-Type": ["text/html"] } }, (r) => (response = r));
    expect(response).toEqual({
      responseHeaders: { "Content-Type": ["text/html"], "Content-Security-Policy": [CONTENT_SECURITY_POLICY] },
    });
  });

  it("cancels every request of the window that is not for the app's own files", () => {
    const { before } = harden();
    const decisions: boolean[] = [];
    for (const url of ["app://tandem/index.html", "https://api.openai.com/v1/models", "http://127.0.0.1:9/"])
      before?.({ url }, (r) => decisions.push(r.cancel));
    expect(decisions).toEqual([false, true, true]);
  });

  it("denies camera, microphone and location requests, even from the app's page", () => {
    const { request } = harden();
    const answers: boolean[] = [];
    for (const permission of ["media", "geolocation", "notifications"])
      request?.(null, permission, (granted) => answers.push(granted), { requestingUrl: APP_URL });
    expect(answers).toEqual([false, false, false]);
  });

  it("grants clipboard writes to the app's page only, in requests and checks alike", () => {
    const { request, check } = harden();
    const answers: boolean[] = [];
    request?.(null, "clipboard-sanitized-write", (granted) => answers.push(granted), { requestingUrl: APP_URL });
    request?.(null, "clipboard-sanitized-write", (granted) => answers.push(granted), {
      requestingUrl: "https://example.org/",
    });
    expect(answers).toEqual([true, false]);
    expect(check?.(null, "clipboard-sanitized-write", "app://tandem")).toBe(true);
    expect(check?.(null, "media", "app://tandem")).toBe(false);
  });
});
