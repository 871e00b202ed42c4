import type { TandemBridge } from "../../../app/contract/channels";

// The bridge's type is the contract's (app/contract/channels.ts); this only tells the renderer
// where the Electron preload puts it.
declare global {
  interface Window {
    /** Present only inside Electron (set by the preload). */
    tandem?: TandemBridge;
  }
}
