/**
 * The IPC side of the contract in Electron's main process: one `ipcMain.handle` per channel of
 * `CHANNEL_NAMES` (no generic "invoke anything" channel), each refusing callers that are not our
 * own page before the host validates the payload. Only type imports from electron.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from "electron";
import { CHANNEL_NAMES, EVENT_CHANNEL, type Channel, type ChatEvent } from "../../app/contract/channels";
import { toErrorData, type Result } from "../../app/contract/errors";
import type { Logger } from "../../app/logging/Logger";
import type { Host } from "../host/Host";
import { isTrustedSender } from "./security";

type InvokeEvent = Pick<IpcMainInvokeEvent, "senderFrame">;
type IpcHandler = (event: InvokeEvent, payload: unknown) => Promise<Result<unknown>>;

const UNAUTHORIZED: Result<never> = {
  ok: false,
  error: { code: "unauthorized", message: "This request did not come from Tandem's own window, so it was refused." },
};

/** The handler for one channel: sender check, then `host.handle` (which validates the payload). */
export function createIpcHandler(host: Pick<Host, "handle">, channel: Channel, logger: Logger): IpcHandler {
  return async (event, payload) => {
    if (!isTrustedSender(frameUrlOf(event))) {
      logger.warn("ipc call from an untrusted frame refused", { channel });
      return UNAUTHORIZED;
    }
    try {
      return await host.handle(channel, payload);
    } catch (error) {
      // Host.handle promises not to throw; if it does, the renderer still gets plain data.
      logger.error("host.handle threw", { channel });
      return { ok: false, error: toErrorData(error) };
    }
  };
}

function frameUrlOf(event: InvokeEvent): string | null {
  try {
    // senderFrame is null once the frame navigated away or was destroyed; reading a disposed
    // frame can throw. Either way the caller is not (any more) our page.
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpc(
  ipcMain: Pick<IpcMain, "handle" | "removeHandler">,
  host: Pick<Host, "handle">,
  logger: Logger,
): () => void {
  for (const channel of CHANNEL_NAMES) ipcMain.handle(channel, createIpcHandler(host, channel, logger));
  return () => CHANNEL_NAMES.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Pushes every host event to the window (if it still exists). Returns unsubscribe. */
export function forwardEvents(host: Pick<Host, "onEvent">, target: () => WebContents | null): () => void {
  return host.onEvent((event: ChatEvent) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
