/**
 * The Electron security checklist as small pure functions (issue 7, "Electron locked down"), so
 * each decision is unit-tested without the Electron binary. `hardenElectron.ts` wires them to
 * the session and every webContents; nothing here imports electron.
 */
import { isAppUrl } from "./appOrigin";

/** Same policy as renderer/index.html's meta tag; also sent as a response header (defence in depth). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style attributes; styles cannot run code, scripts stay 'self' only.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join("; ");

export type Headers = Record<string, string | string[]>;

/** Response headers with our CSP, replacing any CSP already there (whatever its letter case). */
export function withCsp(headers: Headers | undefined): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== "content-security-policy") result[name] = value;
  }
  result["Content-Security-Policy"] = [CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * A link a user may open in their browser: http(s) only, with a host and no credentials.
 * Everything else (file:, javascript:, data:, custom schemes, smb:…) could run or open local
 * things, so it is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  return parsed.hostname !== "" && parsed.username === "" && parsed.password === "";
}

/** True only for a navigation that stays on the same document (a #fragment change). */
export function isAllowedNavigation(targetUrl: string, currentUrl: string): boolean {
  if (!isAppUrl(targetUrl) || !isAppUrl(currentUrl)) return false;
  return withoutHash(targetUrl) === withoutHash(currentUrl);
}

function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = "";
  return parsed.href;
}

/**
 * What to do when the page tries to leave (`will-navigate`) or open a window
 * (`setWindowOpenHandler`): stay on the same document, hand a safe http(s) link to the user's
 * browser, or block. The app window itself never loads anything else.
 */
export type NavigationDecision = "allow" | "open-external" | "block";

export function decideNavigation(targetUrl: string, currentUrl: string): NavigationDecision {
  if (isAllowedNavigation(targetUrl, currentUrl)) return "allow";
  return isSafeExternalUrl(targetUrl) ? "open-external" : "block";
}

/** New windows are always denied; a safe http(s) link goes to the user's browser instead. */
export function decideWindowOpen(targetUrl: string): "open-external" | "block" {
  return isSafeExternalUrl(targetUrl) ? "open-external" : "block";
}

/**
 * Permissions our own page may use. Everything else — camera, microphone, geolocation,
 * notifications, clipboard *read*, HID/USB/serial, fullscreen… — is denied. Writing to the
 * clipboard is the "Copy" button on code blocks; it reveals nothing to the page.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(["clipboard-sanitized-write"]);

/** Deny by default: only an allow-listed permission, asked by our own origin, is granted. */
export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/**
 * IPC sender check: only a frame showing our app's page may call the back end. A null frame
 * (destroyed or navigated away mid-call) is not trusted either.
 */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/**
 * The renderer loads everything from app://tandem; it has no reason to reach the network.
 * Every other request from the window's session is cancelled — always, and so also in offline
 * mode (issue #4: "the Electron session blocks every non-local request"). The cloud is called
 * from the main process through the egress gate, never from the page.
 */
export function isAllowedSessionRequest(url: string): boolean {
  // blob:app://tandem/… are the app's own in-memory files (e.g. an export being saved).
  return (
    isAppUrl(url) ||
    isAppUrl(url.startsWith("blob:") ? url.slice(5) : null) ||
    url.startsWith("devtools://") ||
    url.startsWith("data:")
  );
}
