/**
 * Serves the built renderer (dist/renderer) on `app://tandem/`. Pure enough to unit-test with
 * Node's own Request/Response: main.ts passes it to `protocol.handle`.
 */
import { readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { isAppUrl } from "./appOrigin";
import { CONTENT_SECURITY_POLICY } from "./security";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The file under `rootDir` that an app:// URL names, or null when the URL is not ours, is
 * malformed, or would escape `rootDir` (`..`, encoded slashes, NUL bytes). "/" is index.html.
 */
export function resolveAppFile(url: string, rootDir: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes("\0") || pathname.includes("\\")) return null;
  const root = resolve(rootDir);
  const file = resolve(join(root, pathname === "/" || pathname === "" ? "index.html" : pathname));
  return file.startsWith(root + sep) ? file : null;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** A `protocol.handle` handler: GET/HEAD of files under `rootDir`, each with our CSP header. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return plain(405, "Method not allowed");
    const file = resolveAppFile(request.url, rootDir);
    if (!file) return plain(404, "Not found");
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, "Not found");
    }
    const headers = { ...securityHeaders(), "Content-Type": contentTypeOf(file) };
    return new Response(request.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers });
  };
}

function securityHeaders(): Record<string, string> {
  return { "Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff" };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), "Content-Type": "text/plain; charset=utf-8" } });
}
