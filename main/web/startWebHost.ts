import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EVENT_STREAM_PATH } from "../../app/contract/channels";
import type { Result } from "../../app/contract/errors";
import type { Host } from "../host/Host";
import { isAuthorized, isSameOrigin } from "./requestChecks";
import { serveStatic } from "./serveStatic";
import { openEventStream } from "./eventStream";
import { readBody } from "./readBody";
import { sendJson } from "./sendJson";

export interface WebHostOptions {
  host: Host;
  /** The built renderer (`vite build` output). */
  rendererDir: string;
  /** 0 = a free port. */
  port?: number;
  /** Fixed token for tests; default: 32 random bytes per start. */
  token?: string;
}

export interface WebHost {
  /** Open this in a browser: it carries the token in the fragment, which is never sent over HTTP. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser host: the same UI and contract as Electron, over HTTP + SSE on 127.0.0.1 only.
 * Every API request needs the per-start token in the Authorization header, a Host header naming
 * this server (no DNS rebinding) and, when the browser sends an Origin, this origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString("hex");
  const closers = new Set<() => void>();
  let origin = "";
  const server = createServer((req, res) => {
    route(req, res, { ...options, token, origin, closers }).catch((error) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: "internal", message: String(error) } });
      else res.end();
    });
  });
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    close: () => closeServer(server, closers),
  };
}

interface RouteContext extends WebHostOptions {
  token: string;
  origin: string;
  closers: Set<() => void>;
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const url = new URL(req.url ?? "/", ctx.origin);
  if (!isSameOrigin(req, ctx.origin)) return sendJson(res, 403, denied("Cross-origin requests are refused."));
  if (!url.pathname.startsWith("/api/")) return serveStatic(req, res, ctx.rendererDir, url.pathname);
  if (!isAuthorized(req, ctx.token)) {
    return sendJson(
      res,
      401,
      denied("This page needs the link Tandem printed at start (with its #token). Open that link again."),
    );
  }
  if (url.pathname === EVENT_STREAM_PATH && req.method === "GET")
    return openEventStream(req, res, ctx.host, ctx.closers);
  if (req.method !== "POST")
    return sendJson(res, 405, { ok: false, error: { code: "invalid_request", message: "Use POST." } });
  const body = await readBody(req);
  if (body === null) {
    return sendJson(res, 413, {
      ok: false,
      error: { code: "too_large", message: "That request is too large. Attach large text as a document or split it." },
    });
  }
  const payload = parseJson(body);
  const channel = decodePath(url.pathname.slice("/api/".length));
  const result: Result<unknown> =
    channel === null
      ? {
          ok: false,
          error: { code: "invalid_request", message: "The channel name in the URL is not valid percent-encoding." },
        }
      : payload === undefined
        ? { ok: false, error: { code: "invalid_request", message: "The request body is not valid JSON." } }
        : await ctx.host.handle(channel as never, payload);
  sendJson(res, 200, result);
}

function denied(message: string): Result<never> {
  return { ok: false, error: { code: "unauthorized", message } };
}

/** decodeURIComponent throws on malformed escapes (`%E0%A4%A`); that is the caller's error, not ours (found by the HTTP fuzz test). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return text.length === 0 ? {} : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // Loopback only: the UI and its token must never be reachable from the network.
    server.listen(port, "127.0.0.1", () => resolve());
  });
}

function closeServer(server: Server, closers: Set<() => void>): Promise<void> {
  for (const close of closers) close();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
