import { buildApi } from "../../../app/contract/channels";
import type { ChatEvent } from "../../../app/contract/types";
import type { Backend, ConnectionState } from "./Backend";
import { httpCall } from "./httpCall";
import { Listeners } from "./Listeners";
import { streamEvents } from "./streamEvents";

/**
 * The browser host: calls over `POST /api/<channel>`, events over a fetch-read SSE stream, both
 * carrying the per-start token. With no token at all, every call fails as unauthorized.
 */
export function browserBackend(token: string | null): Backend {
  const events = new Listeners<ChatEvent>();
  const connection = new Listeners<ConnectionState>();
  const unauthorized = new Listeners<void>();
  let refused = token === null;
  const refuse = () => {
    refused = true;
    unauthorized.emit();
  };
  const api = buildApi((channel, request) => httpCall(token ?? "", channel, request, refuse));
  if (token !== null) {
    void streamEvents({
      token,
      onEvent: (event) => events.emit(event),
      onConnection: (state) => connection.emit(state),
      onUnauthorized: refuse,
      // The stream lives as long as the page; nothing ever needs to end it early.
      signal: new AbortController().signal,
    });
  }
  return {
    api,
    onEvent: (listener) => events.add(listener),
    onConnection: (listener) => connection.add(listener),
    onUnauthorized: (listener) => {
      if (refused) queueMicrotask(listener);
      return unauthorized.add(listener);
    },
  };
}
