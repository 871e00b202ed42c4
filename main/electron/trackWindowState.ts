import type { WindowState } from "./windowStateFile";

/** Moving or resizing fires many events; the state is written once things settle. */
export const SAVE_DELAY_MS = 500;

/** The parts of a BrowserWindow this reads (a structural type, so tests can drive it). */
export interface TrackedWindow {
  on(event: "move" | "resize" | "maximize" | "unmaximize" | "close", listener: () => void): unknown;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  isMaximized(): boolean;
  isMinimized(): boolean;
}

/**
 * Saves the window's bounds (its normal bounds, so a maximized window restores to the size it
 * had before) after each move or resize settles, and at once when it closes. A minimized window
 * is not saved: its bounds say nothing about where the user wants it.
 */
export function trackWindowState(
  window: TrackedWindow,
  save: (state: WindowState) => void,
  delayMs = SAVE_DELAY_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!window.isMinimized()) save({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, delayMs);
  };
  for (const event of ["move", "resize", "maximize", "unmaximize"] as const) window.on(event, saveSoon);
  window.on("close", saveNow);
  return () => clearTimeout(timer);
}
