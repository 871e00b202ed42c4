/**
 * Wires the decisions of `security.ts` to Electron objects. Only type imports from electron, so
 * this module loads (and is unit-tested with small fakes) without the Electron binary.
 */
import type { Event, Session, WebContents } from "electron";
import {
  decideNavigation,
  decideWindowOpen,
  isAllowedNavigation,
  isAllowedSessionRequest,
  isPermissionAllowed,
  withCsp,
} from "./security";

/** Opens a URL in the user's browser (`shell.openExternal`). Only called for checked http(s) URLs. */
export type OpenExternal = (url: string) => Promise<void> | void;

/** CSP header on every response, and permissions denied unless allow-listed for our origin. */
export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedSessionRequest(details.url) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
}

/**
 * For every webContents: no navigation away from the app's document, no new windows, no
 * <webview>. A safe http(s) link the user clicked is handed to their browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on("will-navigate", (event) => {
    const decision = decideNavigation(event.url, contents.getURL());
    if (decision === "allow") return;
    event.preventDefault();
    if (decision === "open-external") openQuietly(openExternal, event.url);
  });
  // Sub-frames (there should be none) may not navigate anywhere outside the document either.
  contents.on("will-frame-navigate", (event) => {
    if (!event.isMainFrame && !isAllowedNavigation(event.url, contents.getURL())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === "open-external") openQuietly(openExternal, url);
    return { action: "deny" };
  });
  contents.on("will-attach-webview", (event: Event) => event.preventDefault());
}

/** A failing `openExternal` (no browser configured) must not become an unhandled rejection. */
function openQuietly(openExternal: OpenExternal, url: string): void {
  Promise.resolve()
    .then(() => openExternal(url))
    .catch(() => undefined);
}
