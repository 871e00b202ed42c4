import type { TandemApi } from "../../../app/contract/channels";
import type { Backend } from "./Backend";
import { browserBackend } from "./browserBackend";
import { electronBackend } from "./electronBackend";
import { loadToken } from "./loadToken";

let current: Backend | null = null;

/** Picks the transport once at start-up: Electron's preload bridge if present, else HTTP. */
export function connectBackend(): Backend {
  current ??= window.tandem ? electronBackend(window.tandem) : browserBackend(loadToken());
  return current;
}

/** The contract API of the connected backend. Stores call this; components never do. */
export function api(): TandemApi {
  if (!current) throw new Error("connectBackend() must run before the first call.");
  return current.api;
}
