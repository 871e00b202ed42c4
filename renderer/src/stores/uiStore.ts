import { create } from "zustand";
import type { ErrorData } from "../../../app/contract/errors";
import type { ConnectionState } from "../api/Backend";

export type View = "chat" | "settings";

interface UiState {
  view: View;
  /** A failure to show in the app-wide alert (calls that have no inline place for errors). */
  notice: ErrorData | null;
  connection: ConnectionState;
  /** The host refused our token: nothing works until the user opens the printed link. */
  unauthorized: boolean;
  showView(view: View): void;
  showNotice(error: ErrorData): void;
  dismissNotice(): void;
  setConnection(state: ConnectionState): void;
  setUnauthorized(): void;
}

export const useUiStore = create<UiState>()((set) => ({
  view: "chat",
  notice: null,
  connection: "connecting",
  unauthorized: false,
  showView: (view) => set({ view }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
  setConnection: (connection) => set({ connection }),
  setUnauthorized: () => set({ unauthorized: true }),
}));
