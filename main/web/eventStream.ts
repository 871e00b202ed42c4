import type { IncomingMessage, ServerResponse } from "node:http";
import type { Host } from "../host/Host";

/** Keeps proxies and the browser from timing out an idle stream. */
const PING_MS = 15_000;

/** Server-sent events: each ChatEvent as one `data:` line. Closed when the client goes away. */
export function openEventStream(req: IncomingMessage, res: ServerResponse, host: Host, closers: Set<() => void>): void {
  res.writeHead(200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  res.write(": connected\n\n");
  const unsubscribe = host.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const ping = setInterval(() => res.write(": ping\n\n"), PING_MS);
  const close = () => {
    clearInterval(ping);
    unsubscribe();
    closers.delete(close);
    res.end();
  };
  closers.add(close);
  req.on("close", close);
}
