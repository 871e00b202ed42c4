import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChatEvent } from "../../../../app/contract/types";
import type { Host } from "../../../../main/host/Host";
import { openEventStream } from "../../../../main/web/eventStream";

/** What the stream wrote, on a response object with just the methods it uses. */
function fakeResponse() {
  const res = { status: 0, headers: {} as Record<string, string>, chunks: [] as string[], ended: false };
  return Object.assign(res, {
    writeHead: (status: number, headers: Record<string, string>) => Object.assign(res, { status, headers }),
    write: (chunk: string) => res.chunks.push(chunk),
    end: () => (res.ended = true),
  });
}

describe("the browser host's event stream", () => {
  let listeners: Array<(event: ChatEvent) => void>;
  let host: Host;

  beforeEach(() => {
    vi.useFakeTimers();
    listeners = [];
    host = {
      onEvent: (listener: (event: ChatEvent) => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    } as unknown as Host;
  });
  afterEach(() => vi.useRealTimers());

  function open() {
    const req = new EventEmitter();
    const res = fakeResponse();
    const closers = new Set<() => void>();
    openEventStream(req as IncomingMessage, res as unknown as ServerResponse, host, closers);
    return { req, res, closers };
  }

  it("answers as an uncached, unbuffered event stream and says it is connected", () => {
    const { res } = open();
    expect(res.status).toBe(200);
    expect(res.headers).toEqual({
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    expect(res.chunks).toEqual([": connected\n\n"]);
  });

  it("sends each host event as one data line of JSON", () => {
    const { res } = open();
    listeners[0]!({ type: "model:unloaded", modelId: "m1" });
    expect(res.chunks.at(-1)).toBe('data: {"type":"model:unloaded","modelId":"m1"}\n\n');
  });

  it("pings every 15 seconds so an idle stream is not cut", () => {
    const { res } = open();
    vi.advanceTimersByTime(14_999);
    expect(res.chunks).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(res.chunks.at(-1)).toBe(": ping\n\n");
    vi.advanceTimersByTime(15_000);
    expect(res.chunks.filter((c) => c === ": ping\n\n")).toHaveLength(2);
  });

  it("when the browser goes away: stops pinging, unsubscribes, ends the response and forgets its closer", () => {
    const { req, res, closers } = open();
    expect(closers.size).toBe(1);
    req.emit("close");
    expect(res.ended).toBe(true);
    expect(listeners).toEqual([]);
    expect(closers.size).toBe(0);
    const written = res.chunks.length;
    vi.advanceTimersByTime(60_000);
    expect(res.chunks).toHaveLength(written);
  });

  it("can be closed by the server through its closer", () => {
    const { res, closers } = open();
    for (const close of closers) close();
    expect(res.ended).toBe(true);
    expect(listeners).toEqual([]);
  });
});
