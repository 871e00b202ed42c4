import { join } from "node:path";
import { screen, type BrowserWindow } from "electron";
import type { Logger } from "../../app/logging/Logger";
import { clampWindowBounds, type MinSize, type Rect } from "./clampWindowBounds";
import { trackWindowState } from "./trackWindowState";
import { readWindowState, WINDOW_STATE_FILE, writeWindowState } from "./windowStateFile";

export interface Placement {
  bounds: Rect;
  maximized: boolean;
}

/** Where the window was last time, moved onto a display that exists now; null the first time. */
export function restoredPlacement(dataDir: string, min: MinSize): Placement | null {
  const saved = readWindowState(join(dataDir, WINDOW_STATE_FILE));
  if (!saved) return null;
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  const areas = [primary, ...others].map((d) => d.workArea);
  return { bounds: clampWindowBounds(saved, areas, min), maximized: saved.maximized };
}

/** Saves the window's placement as the user moves and resizes it. Returns a stop function. */
export function rememberPlacement(window: BrowserWindow, dataDir: string, log: Logger): () => void {
  const path = join(dataDir, WINDOW_STATE_FILE);
  return trackWindowState(window, (state) => {
    try {
      writeWindowState(path, state);
    } catch (error) {
      // Only the next start's window position is lost; nothing to bother the user with.
      log.warn("could not save the window position", { error: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  });
}
