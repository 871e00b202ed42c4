import type { Backend } from "./Backend";
import type { TandemBridge } from "../../../app/contract/channels";

/** Electron: calls and events go through the preload's bridge (IPC); there is no token. */
export function electronBackend(bridge: TandemBridge): Backend {
  return {
    api: bridge.api,
    onEvent: (listener) => bridge.onEvent(listener),
    onConnection: (listener) => {
      listener("connected");
      return () => {};
    },
    onUnauthorized: () => () => {},
  };
}
