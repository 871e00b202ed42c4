/**
 * A model file server on 127.0.0.1 for the download tests: serves files from memory with HTTP
 * Range support (206, Accept-Ranges, HEAD), a speed limit (so a download takes long enough to
 * watch and cancel), and faults on demand: a connection dropped after N bytes, a 404 for unknown
 * paths. It records every request, so tests can assert what a resume actually asked for.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface ServedFile {
  body: Buffer;
  /** Bytes per second (per connection); default unlimited. */
  bytesPerSecond?: number;
  /** Bytes before this offset of the file are sent at full speed (a resume test's first chunk). */
  fullSpeedBelow?: number;
  /** Each response body is cut (socket destroyed) after this many bytes; default never. */
  dropAfterBytes?: number;
  /** Header `X-Linked-Etag` (Hugging Face's sha256 of an LFS file); default none. */
  linkedEtag?: string;
}

export interface ServedRequest {
  method: string;
  path: string;
  range: string | null;
}

export interface ModelFileServer {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  url(path: string): string;
  files: Map<string, ServedFile>;
  requests: ServedRequest[];
  close(): Promise<void>;
}

const SLICE = 16 * 1024;

function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header) : null;
  if (!match) return null;
  const [, from, to] = match;
  if (from === "") return { start: Math.max(0, size - Number(to)), end: size - 1 };
  return { start: Number(from), end: to === "" ? size - 1 : Math.min(Number(to), size - 1) };
}

async function sendBody(res: ServerResponse, body: Buffer, start: number, file: ServedFile): Promise<void> {
  let sent = 0;
  const delayMs = file.bytesPerSecond ? (SLICE / file.bytesPerSecond) * 1000 : 0;
  while (sent < body.length && !res.destroyed) {
    const throttled = start + sent >= (file.fullSpeedBelow ?? 0);
    const slice = body.subarray(sent, sent + SLICE);
    if (file.dropAfterBytes !== undefined && sent + slice.length > file.dropAfterBytes) {
      res.write(slice.subarray(0, Math.max(0, file.dropAfterBytes - sent)));
      res.socket?.destroy();
      return;
    }
    if (!res.write(slice)) await new Promise((resolve) => res.once("drain", resolve));
    sent += slice.length;
    if (delayMs > 0 && throttled) await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  res.end();
}

function handle(files: Map<string, ServedFile>, req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
  const file = files.get(path);
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    return;
  }
  const size = file.body.length;
  const range = parseRange(req.headers.range, size);
  const headers: Record<string, string | number> = {
    "accept-ranges": "bytes",
    "content-type": "application/octet-stream",
  };
  if (file.linkedEtag) headers["x-linked-etag"] = `"${file.linkedEtag}"`;
  if (range && range.start >= size) {
    res.writeHead(416, { ...headers, "content-range": `bytes */${size}` }).end();
    return;
  }
  const body = range ? file.body.subarray(range.start, range.end + 1) : file.body;
  if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${size}`;
  headers["content-length"] = body.length;
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === "HEAD") res.end();
  else void sendBody(res, body, range?.start ?? 0, file);
}

export async function serveModelFiles(): Promise<ModelFileServer> {
  const files = new Map<string, ServedFile>();
  const requests: ServedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? "GET",
      path: new URL(req.url ?? "/", "http://127.0.0.1").pathname,
      range: req.headers.range ?? null,
    });
    handle(files, req, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    files,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
