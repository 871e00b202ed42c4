import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Rect } from "./clampWindowBounds";

/** In the data folder; layout only (no user data), so "Delete all my data" leaves it. */
export const WINDOW_STATE_FILE = "window-state.json";

export interface WindowState extends Rect {
  /** Maximized when closed: restored as maximized, over these (normal) bounds. */
  maximized: boolean;
}

/** The saved window state, or null when there is none or it is not usable (then defaults apply). */
export function readWindowState(path: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null; // Missing or damaged: a window at the default size is the right fallback.
  }
  return isWindowState(data) ? data : null;
}

/** Written whole to a temporary file, then renamed: a crash mid-write never leaves half a file. */
export function writeWindowState(path: string, state: WindowState): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, path);
}

function isWindowState(data: unknown): data is WindowState {
  if (typeof data !== "object" || data === null) return false;
  const { x, y, width, height, maximized } = data as Record<string, unknown>;
  const integers = [x, y, width, height].every((n) => Number.isSafeInteger(n));
  return integers && (width as number) > 0 && (height as number) > 0 && typeof maximized === "boolean";
}
