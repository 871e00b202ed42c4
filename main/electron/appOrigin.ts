/**
 * Where the renderer lives inside Electron: a privileged custom scheme, `app://tandem/`, served
 * from dist/renderer by `registerAppProtocol`. A custom scheme instead of file:// (Electron
 * security checklist #18) gives the page a real origin, so CSP, the navigation checks and the
 * IPC sender check can all compare against one exact origin, and a stray file:// page — any file
 * on disk — is never trusted.
 */
export const APP_SCHEME = "app";
export const APP_HOST = "tandem";
/** The page the window loads. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True when `url` is on our origin (`app://tandem/…`). Unparsable or other origins → false. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    // Node's URL gives non-special schemes an opaque "null" origin, so compare the parts.
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === "" &&
      parsed.password === ""
    );
  } catch {
    return false;
  }
}
