import { create } from "zustand";
import type { ErrorData } from "../../../app/contract/errors";
import type { ConnectionState } from "../api/Backend";

export type View = "chat" | "settings" | "context";
/** Sections of Settings that other screens link to (the id of their heading). */
export type SettingsSection = "models" | "cloud" | "privacy-log";

interface UiState {
  view: View;
  /** The Settings section to bring into view once Settings is shown (a link from elsewhere). */
  settingsSection: SettingsSection | null;
  /** A failure to show in the app-wide alert (calls that have no inline place for errors). */
  notice: ErrorData | null;
  connection: ConnectionState;
  /** The host refused our token: nothing works until the user opens the printed link. */
  unauthorized: boolean;
  /** What the browser says about the network (`navigator.onLine`, `online`/`offline` events). */
  networkOnline: boolean;
  /** The user said "Not now" to turning Offline mode on for this loss of connectivity. */
  networkNoticeDismissed: boolean;
  /** The sidebar as the user last set it; null = automatic (hidden below NARROW_WINDOW). */
  sidebarHidden: boolean | null;
  toggleSidebar(): void;
  showView(view: View): void;
  showSettings(section: SettingsSection | null): void;
  clearSettingsSection(): void;
  showNotice(error: ErrorData): void;
  dismissNotice(): void;
  setConnection(state: ConnectionState): void;
  setUnauthorized(): void;
  setNetworkOnline(online: boolean): void;
  dismissNetworkNotice(): void;
}

export const useUiStore = create<UiState>()((set) => ({
  view: "chat",
  settingsSection: null,
  notice: null,
  connection: "connecting",
  unauthorized: false,
  networkOnline: true,
  networkNoticeDismissed: false,
  sidebarHidden: readSidebarHidden(),
  toggleSidebar: () =>
    set((s) => {
      const hidden = !(s.sidebarHidden ?? isNarrowWindow());
      writeSidebarHidden(hidden);
      return { sidebarHidden: hidden };
    }),
  showView: (view) => set({ view }),
  showSettings: (settingsSection) => set({ view: "settings", settingsSection }),
  clearSettingsSection: () => set({ settingsSection: null }),
  showNotice: (notice) => set({ notice }),
  dismissNotice: () => set({ notice: null }),
  setConnection: (connection) => set({ connection }),
  setUnauthorized: () => set({ unauthorized: true }),
  // Each new loss of connectivity asks again, even if the last one was dismissed.
  setNetworkOnline: (networkOnline) =>
    set(networkOnline ? { networkOnline } : { networkOnline, networkNoticeDismissed: false }),
  dismissNetworkNotice: () => set({ networkNoticeDismissed: true }),
}));

/** Below this width the sidebar starts hidden (the chat needs the room); the CSS uses the same number. */
export const NARROW_WINDOW = "(max-width: 759px)";
const SIDEBAR_KEY = "tandem.sidebarHidden";

export function isNarrowWindow(): boolean {
  return typeof matchMedia === "function" && matchMedia(NARROW_WINDOW).matches;
}

/** UI state, like the last open conversation: kept in localStorage, not in the user's data. */
function readSidebarHidden(): boolean | null {
  try {
    const value = localStorage.getItem(SIDEBAR_KEY);
    return value === null ? null : value === "true";
  } catch {
    return null;
  }
}

function writeSidebarHidden(hidden: boolean): void {
  try {
    localStorage.setItem(SIDEBAR_KEY, String(hidden));
  } catch {
    // Storage refused: the choice lasts until the page reloads.
  }
}
