import { EVENT_STREAM_PATH, type ChatEvent } from "../../../app/contract/channels";
import type { ConnectionState } from "./Backend";
import { backoffDelay } from "./backoffDelay";
import { SseParser } from "./SseParser";

export interface StreamEventsOptions {
  token: string;
  onEvent(event: ChatEvent): void;
  onConnection(state: ConnectionState): void;
  onUnauthorized(): void;
  signal: AbortSignal;
}

/**
 * Keeps `GET /api/events` open and feeds each event to `onEvent`. Uses fetch and a stream
 * reader rather than EventSource, because EventSource cannot send the token in a header (and a
 * token in the URL would end up in logs). Reconnects with backoff until aborted or refused.
 */
export async function streamEvents(options: StreamEventsOptions): Promise<void> {
  let attempt = 0;
  while (!options.signal.aborted) {
    const outcome = await readOnce(options, () => {
      attempt = 0;
      options.onConnection("connected");
    });
    if (outcome === "unauthorized") return options.onUnauthorized();
    if (options.signal.aborted) return;
    options.onConnection("reconnecting");
    await sleep(backoffDelay(attempt++), options.signal);
  }
}

/** One connection, from request to end of stream. */
async function readOnce(options: StreamEventsOptions, onOpen: () => void): Promise<"closed" | "unauthorized"> {
  try {
    const response = await fetch(EVENT_STREAM_PATH, {
      headers: { Authorization: `Bearer ${options.token}`, Accept: "text/event-stream" },
      signal: options.signal,
      cache: "no-store",
    });
    if (response.status === 401) return "unauthorized";
    if (!response.ok || !response.body) return "closed";
    onOpen();
    await pump(response.body.getReader(), options.onEvent);
  } catch {
    // Network error or abort: the caller decides whether to retry.
  }
  return "closed";
}

async function pump(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  onEvent: (event: ChatEvent) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  const parser = new SseParser();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    for (const data of parser.feed(decoder.decode(value, { stream: true }))) {
      const event = parseEvent(data);
      if (event) onEvent(event);
    }
  }
}

function parseEvent(data: string): ChatEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === "object" && value !== null && "type" in value ? (value as ChatEvent) : null;
  } catch {
    return null;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
