import type { TandemApi } from "../../../app/contract/channels";
import type { ChatEvent } from "../../../app/contract/types";

/**
 * The one narrow object the Electron preload exposes as `window.tandem` (contextBridge).
 * `api` has one method per contract channel; there is no generic `invoke`.
 */
export interface TandemBridge {
  api: TandemApi;
  /** Subscribe to pushed chat events. Returns unsubscribe. */
  onEvent(listener: (event: ChatEvent) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside Electron (set by the preload). */
    tandem?: TandemBridge;
  }
}
