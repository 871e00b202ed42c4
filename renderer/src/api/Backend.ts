import type { TandemApi } from "../../../app/contract/channels";
import type { ChatEvent } from "../../../app/contract/types";

/** Whether pushed events are flowing. Electron's IPC is always "connected". */
export type ConnectionState = "connecting" | "connected" | "reconnecting";

/**
 * What the UI needs from whichever host it runs in. The stores talk to this only, so the UI
 * does not know (or care) whether it is inside Electron or a browser tab.
 */
export interface Backend {
  api: TandemApi;
  /** Pushed chat events. Returns unsubscribe. */
  onEvent(listener: (event: ChatEvent) => void): () => void;
  /**
   * Connection changes. "connected" after "reconnecting" means events may have been missed:
   * listeners refetch what is on screen.
   */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Called when the host rejects our credentials (browser host: missing or wrong token). */
  onUnauthorized(listener: () => void): () => void;
}
