/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 that records every request it receives.
 * Privacy tests assert on `requests` (what actually left the app), fault tests switch
 * `setFault`. It implements `GET /v1/models` and `POST /v1/chat/completions` (JSON and
 * `stream: true` SSE in OpenAI's chunk format) and never calls anything else.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/v1/chat/completions". */
  path: string;
  /** Lower-cased header names (node's parsed view). */
  headers: IncomingHttpHeaders;
  /** The body exactly as received, decoded as UTF-8. */
  body: string;
  /** The body parsed as JSON, or null if it is empty or not JSON. */
  json: unknown;
  /** Request line + headers as sent (original case and order) + body: search this for leaks. */
  raw: string;
}

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  stream?: boolean;
  max_tokens?: number;
  max_completion_tokens?: number;
  stream_options?: { include_usage?: boolean };
}

export type CloudFault =
  /** Every route answers this status with an OpenAI-style error body. 429 sends `retry-after`. */
  | { status: 400 | 401 | 403 | 404 | 429 | 500 | 503; retryAfterSeconds?: number; message?: string }
  /** Accepts the request and never answers (until `close()`). */
  | { hang: true }
  /** Streams n content chunks, then destroys the socket (no finish, no [DONE]). */
  | { cutStreamAfterChunks: number }
  /** Streams n content chunks, then goes silent with the connection open. */
  | { stallStreamAfterChunks: number }
  /** Streams n content chunks, then ends the response cleanly but without a finish chunk or [DONE]. */
  | { endStreamAfterChunks: number }
  /** Streams n content chunks, then an in-stream `data: {"error": …}` event (as OpenRouter does). */
  | { errorInStreamAfterChunks: number; message?: string }
  /** Streams one good content chunk, then a `data:` line that is not JSON, then ends. */
  | { malformedSse: true };

export type CloudReply = string | ((body: ChatRequestBody, request: RecordedRequest) => string);

export interface RecordingCloudOptions {
  /** The assistant's answer. Default: `echoLastUserMessage`. */
  reply?: CloudReply;
  /** Model ids listed by /v1/models and accepted by chat (others get a 404). Default ["test-model"]. */
  models?: string[];
  /** false = answer `GET /v1/models` with 404, like servers that do not list models. Default true. */
  serveModelList?: boolean;
  /** Delay between stream chunks, so a test can abort mid-stream. Default 0. */
  chunkDelayMs?: number;
  /** false = never report token usage, as some OpenAI-compatible servers do not. Default true. */
  sendUsage?: boolean;
  fault?: CloudFault | null;
}

export interface RecordingCloud {
  /** e.g. "http://127.0.0.1:41234/v1" */
  baseUrl: string;
  requests: RecordedRequest[];
  setFault(fault: CloudFault | null): void;
  setReply(reply: CloudReply): void;
  /** Everything every request carried, concatenated: assert private items are absent from it. */
  receivedText(): string;
  close(): Promise<void>;
}

/** Replies with the text of the last user message. */
export const echoLastUserMessage: CloudReply = (body) => {
  const users = (body.messages ?? []).filter((m) => m.role === "user");
  const last = users[users.length - 1]?.content;
  return typeof last === "string" ? last : "";
};

/** Replies with a sentence that uses every `[TYPE_n]` placeholder of the request, like a cloud model should. */
export const replyWithPlaceholders: CloudReply = (body) => {
  const all = (body.messages ?? []).map((m) => (typeof m.content === "string" ? m.content : "")).join("\n");
  const placeholders = [...new Set(all.match(/\[[A-Z_]+_\d+\]/g) ?? [])];
  if (placeholders.length === 0) return "Here is a polished answer.";
  return `Here is a polished answer for ${placeholders.join(", ")}.`;
};

export async function startRecordingCloud(options: RecordingCloudOptions = {}): Promise<RecordingCloud> {
  const state = {
    reply: options.reply ?? echoLastUserMessage,
    models: options.models ?? ["test-model"],
    chunkDelayMs: options.chunkDelayMs ?? 0,
    sendUsage: options.sendUsage ?? true,
    serveModelList: options.serveModelList ?? true,
    fault: options.fault ?? null,
  };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void record(req).then((recorded) => {
      requests.push(recorded);
      route(recorded, res, state);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setFault: (fault) => void (state.fault = fault),
    setReply: (reply) => void (state.reply = reply),
    receivedText: () => requests.map((r) => r.raw).join("\n"),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy(); // hung and keep-alive connections
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

type State = {
  reply: CloudReply;
  models: string[];
  chunkDelayMs: number;
  sendUsage: boolean;
  serveModelList: boolean;
  fault: CloudFault | null;
};

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const body = Buffer.concat(parts).toString("utf8");
  const head = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  for (let i = 0; i < req.rawHeaders.length; i += 2) head.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  return {
    method: req.method ?? "",
    path: req.url ?? "",
    headers: req.headers,
    body,
    json: parseJson(body),
    raw: `${head.join("\r\n")}\r\n\r\n${body}`,
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function route(request: RecordedRequest, res: ServerResponse, state: State): void {
  const fault = state.fault;
  if (fault && "hang" in fault) return; // the socket stays open until close()
  if (fault && "status" in fault) return sendError(res, fault.status, fault.message, fault.retryAfterSeconds);
  const path = request.path.split("?")[0];
  if (request.method === "GET" && path === "/v1/models" && state.serveModelList) return sendModels(res, state.models);
  if (request.method === "POST" && path === "/v1/chat/completions") return void chat(request, res, state);
  sendError(res, 404, `Unknown route ${request.method} ${path}`);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

const ERROR_TYPES: Record<number, [type: string, code: string, message: string]> = {
  400: ["invalid_request_error", "invalid_request", "Invalid request."],
  401: ["invalid_request_error", "invalid_api_key", "Incorrect API key provided."],
  403: ["permission_denied", "permission_denied", "You are not allowed to use this model."],
  404: ["invalid_request_error", "model_not_found", "The model does not exist."],
  429: ["rate_limit_error", "rate_limit_exceeded", "Rate limit reached."],
  500: ["server_error", "server_error", "The server had an error."],
  503: ["server_error", "overloaded", "The server is overloaded."],
};

function sendError(res: ServerResponse, status: number, message?: string, retryAfterSeconds?: number): void {
  const [type, code, fallback] = ERROR_TYPES[status] ?? ["server_error", "error", "Error."];
  const headers: Record<string, string> = status === 429 ? { "retry-after": String(retryAfterSeconds ?? 20) } : {};
  sendJson(res, status, { error: { message: message ?? fallback, type, param: null, code } }, headers);
}

function sendModels(res: ServerResponse, models: string[]): void {
  const data = models.map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: "recording-cloud" }));
  sendJson(res, 200, { object: "list", data });
}

async function chat(request: RecordedRequest, res: ServerResponse, state: State): Promise<void> {
  const body = (request.json ?? {}) as ChatRequestBody;
  if (!body.model || !state.models.includes(body.model)) {
    return sendError(res, 404, `The model \`${body.model ?? ""}\` does not exist or you do not have access to it.`);
  }
  const text = typeof state.reply === "string" ? state.reply : state.reply(body, request);
  const { pieces, finishReason } = splitReply(text, body.max_completion_tokens ?? body.max_tokens);
  const usage = {
    prompt_tokens: countWords(body),
    completion_tokens: pieces.length,
    total_tokens: countWords(body) + pieces.length,
  };
  if (!body.stream) return sendJson(res, 200, completion(body.model, pieces.join(""), finishReason, usage));
  await streamChunks(res, body, { pieces, finishReason, usage }, state);
}

/** Words with their following space act as "tokens"; max_tokens cuts the answer with finish "length". */
function splitReply(text: string, maxTokens: number | undefined): { pieces: string[]; finishReason: string } {
  const all = text.match(/\S+\s*|\s+/g) ?? [];
  if (maxTokens !== undefined && all.length > maxTokens)
    return { pieces: all.slice(0, maxTokens), finishReason: "length" };
  return { pieces: all, finishReason: "stop" };
}

function countWords(body: ChatRequestBody): number {
  return (body.messages ?? []).reduce(
    (n, m) => n + (typeof m.content === "string" ? m.content.split(/\s+/).length : 0),
    0,
  );
}

const ID = "chatcmpl-recording";
const CREATED = 1_700_000_000;

function completion(model: string, content: string, finishReason: string, usage: object): object {
  const message = { role: "assistant", content, refusal: null };
  return {
    id: ID,
    object: "chat.completion",
    created: CREATED,
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
    usage,
  };
}

function chunk(model: string, delta: object, finishReason: string | null): string {
  const choices = [{ index: 0, delta, logprobs: null, finish_reason: finishReason }];
  return `data: ${JSON.stringify({ id: ID, object: "chat.completion.chunk", created: CREATED, model, system_fingerprint: null, choices })}\n\n`;
}

type Answer = { pieces: string[]; finishReason: string; usage: object };

async function streamChunks(res: ServerResponse, body: ChatRequestBody, answer: Answer, state: State): Promise<void> {
  const model = body.model ?? "";
  const fault = state.fault;
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  await write(res, chunk(model, { role: "assistant", content: "" }, null));
  for (const [i, piece] of answer.pieces.entries()) {
    if (fault && "cutStreamAfterChunks" in fault && i === fault.cutStreamAfterChunks) return void res.socket?.destroy();
    if (fault && "stallStreamAfterChunks" in fault && i === fault.stallStreamAfterChunks) return;
    if (fault && "endStreamAfterChunks" in fault && i === fault.endStreamAfterChunks) return void res.end();
    if (fault && "errorInStreamAfterChunks" in fault && i === fault.errorInStreamAfterChunks) {
      return void res.end(
        `data: ${JSON.stringify({ error: { message: fault.message ?? "Upstream provider error", code: 502 } })}\n\n`,
      );
    }
    if (state.chunkDelayMs > 0) await new Promise((r) => setTimeout(r, state.chunkDelayMs));
    if (res.destroyed) return; // the client went away (e.g. it aborted)
    await write(res, chunk(model, { content: piece }, null));
    if (fault && "malformedSse" in fault)
      return void res.end(`data: {"id":"${ID}","choices":[{"delta":{"content":\n\n`);
  }
  await write(res, chunk(model, {}, answer.finishReason));
  if (body.stream_options?.include_usage && state.sendUsage) {
    await write(
      res,
      `data: ${JSON.stringify({ id: ID, object: "chat.completion.chunk", created: CREATED, model, choices: [], usage: answer.usage })}\n\n`,
    );
  }
  res.end("data: [DONE]\n\n");
}

/** Resolves once the bytes are handed to the socket, so a later destroy() cannot swallow them. */
function write(res: ServerResponse, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    res.write(text, () => resolve());
  });
}
