import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { errorBody, type ProxyReply, type ProxyService } from "../../app/proxy";
import { isAuthorized, isSameOrigin } from "../web/requestChecks";
import { readBody } from "../web/readBody";
import { sendJson } from "../web/sendJson";

/** Largest chat request accepted: 4 MB covers a long editor context; more is refused with 413. */
export const MAX_PROXY_BODY_BYTES = 4_000_000;
const MAX_CLIENT_NAME = 200;

export interface ProxyServerOptions {
  service: ProxyService;
  token: string;
  /** 0 = a free port (tests). */
  port: number;
}

export interface ProxyServer {
  /** e.g. "http://127.0.0.1:4319/v1": what apps use as their base URL. */
  baseUrl: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The privacy proxy's HTTP server: 127.0.0.1 only; the same Host/Origin and bearer-token checks
 * as the browser host (no DNS rebinding, no other web page, no CORS headers at all, so browsers
 * keep every other origin out); a body limit; OpenAI-shaped errors for everything refused.
 */
export async function startProxyServer(options: ProxyServerOptions): Promise<ProxyServer> {
  let origin = "";
  const server = createServer((req, res) => {
    route(req, res, options, origin).catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, errorBody("Tandem's privacy proxy failed on this request.", "server_error", "internal"));
      else res.end();
    });
  });
  await listen(server, options.port);
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return { baseUrl: `${origin}/v1`, port, close: () => closeServer(server) };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  options: ProxyServerOptions,
  origin: string,
): Promise<void> {
  const path = new URL(req.url ?? "/", origin).pathname;
  if (!isSameOrigin(req, origin))
    return sendJson(
      res,
      403,
      errorBody(
        "Refused: requests must name 127.0.0.1 or localhost and come from no web page.",
        "invalid_request_error",
        "forbidden_origin",
      ),
    );
  if (!isAuthorized(req, options.token)) {
    return sendJson(
      res,
      401,
      errorBody(
        "Missing or wrong token: send Authorization: Bearer <token> with the token Tandem shows in Settings → Privacy proxy.",
        "invalid_request_error",
        "invalid_api_key",
      ),
    );
  }
  if (req.method === "GET" && path === "/v1/models") return sendJson(res, 200, options.service.models());
  if (req.method === "POST" && path === "/v1/chat/completions") return chat(req, res, options.service);
  sendJson(
    res,
    404,
    errorBody(
      `Tandem's privacy proxy has no ${req.method ?? ""} ${path.slice(0, 100)}; it serves POST /v1/chat/completions and GET /v1/models.`,
      "invalid_request_error",
      "unknown_url",
    ),
  );
}

async function chat(req: IncomingMessage, res: ServerResponse, service: ProxyService): Promise<void> {
  const text = await readBody(req, MAX_PROXY_BODY_BYTES);
  if (text === null)
    return sendJson(
      res,
      413,
      errorBody(
        `The request is larger than ${MAX_PROXY_BODY_BYTES / 1_000_000} MB; nothing was sent.`,
        "invalid_request_error",
        "too_large",
      ),
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return sendJson(
      res,
      400,
      errorBody("The request body is not valid JSON.", "invalid_request_error", "invalid_request"),
    );
  }
  const client = String(req.headers["user-agent"] ?? "unknown").slice(0, MAX_CLIENT_NAME);
  const conversation = req.headers["x-tandem-conversation"];
  await service.chat(body, { client, ...(typeof conversation === "string" ? { conversation } : {}) }, httpReply(res));
}

/** The ProxyReply on a node response: JSON, or SSE started by the first event. */
function httpReply(res: ServerResponse): ProxyReply {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return {
    signal: controller.signal,
    json: (status, body, headers = {}) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      sendJson(res, status, body);
    },
    event: (data) => {
      if (!res.headersSent)
        res.writeHead(200, {
          "Content-Type": "text/event-stream; charset=utf-8",
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        });
      res.write(`data: ${JSON.stringify(data)}\n\n`);
    },
    end: (done) => {
      res.end(done ? "data: [DONE]\n\n" : undefined);
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // Loopback only: other computers on the network must never reach the proxy or the cloud key behind it.
    server.listen(port, "127.0.0.1", () => resolve());
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
