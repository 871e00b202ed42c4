/**
 * The object the preload exposes as `window.tandem`: one method per contract channel, grouped by
 * domain (built by `buildApi`, so there is no generic `invoke(channel, …)` for a compromised page
 * to abuse), plus `onEvent`. Kept apart from preload.ts so it is unit-tested without Electron.
 */
import { buildApi, EVENT_CHANNEL, type Channel, type ChatEvent, type TandemBridge } from "../../app/contract/channels";
import type { Result } from "../../app/contract/errors";

/** The slice of `ipcRenderer` the bridge uses. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: RendererIpc): TandemBridge {
  return {
    api: buildApi((channel: Channel, request) => ipc.invoke(channel, request) as Promise<Result<unknown>>),
    onEvent(listener) {
      // The IpcRendererEvent (it carries `sender`, i.e. ipcRenderer itself) never reaches the page.
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as ChatEvent);
      ipc.on(EVENT_CHANNEL, wrapped);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, wrapped);
      };
    },
  };
}
