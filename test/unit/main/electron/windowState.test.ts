import { EventEmitter } from "node:events";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { trackWindowState, type TrackedWindow } from "../../../../main/electron/trackWindowState";
import {
  readWindowState,
  WINDOW_STATE_FILE,
  writeWindowState,
  type WindowState,
} from "../../../../main/electron/windowStateFile";

describe("the window state file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "tandem-window-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads back what was written, and leaves no temporary file", () => {
    const state: WindowState = { x: -1200, y: 40, width: 1100, height: 760, maximized: true };
    writeWindowState(join(dir, WINDOW_STATE_FILE), state);
    expect(readWindowState(join(dir, WINDOW_STATE_FILE))).toEqual(state);
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it("falls back to the defaults when the file is missing, damaged or nonsense", () => {
    const path = join(dir, WINDOW_STATE_FILE);
    expect(readWindowState(path)).toBeNull();
    for (const text of [
      '{"x":1,"y":2,"width":',
      '{"x":1,"y":2,"width":0,"height":500,"maximized":false}',
      '{"x":"1","y":2,"width":800,"height":500,"maximized":false}',
      "[]",
    ]) {
      writeFileSync(path, text);
      expect(readWindowState(path), text).toBeNull();
    }
  });
});

/** A window as Electron's BrowserWindow reports it: events, normal bounds, maximized/minimized. */
class FakeWindow extends EventEmitter implements TrackedWindow {
  bounds = { x: 10, y: 20, width: 900, height: 600 };
  maximized = false;
  minimized = false;
  getNormalBounds = () => ({ ...this.bounds });
  isMaximized = () => this.maximized;
  isMinimized = () => this.minimized;
}

describe("tracking the window's placement", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once a burst of moves and resizes settles, not on every event", () => {
    const window = new FakeWindow();
    const saved: WindowState[] = [];
    trackWindowState(window, (s) => saved.push(s), 500);
    for (let i = 0; i < 20; i++) {
      window.bounds = { ...window.bounds, x: 10 + i };
      window.emit(i % 2 ? "move" : "resize");
      vi.advanceTimersByTime(100);
    }
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(saved).toEqual([{ x: 29, y: 20, width: 900, height: 600, maximized: false }]);
  });

  it("saves at once on close, keeping the size a maximized window returns to", () => {
    const window = new FakeWindow();
    const saved: WindowState[] = [];
    trackWindowState(window, (s) => saved.push(s), 500);
    window.maximized = true;
    window.emit("maximize");
    window.emit("close");
    expect(saved).toEqual([{ x: 10, y: 20, width: 900, height: 600, maximized: true }]);
    vi.advanceTimersByTime(1000);
    expect(saved).toHaveLength(1);
  });

  it("does not save a minimized window's placement, and stops when told", () => {
    const window = new FakeWindow();
    const saved: WindowState[] = [];
    const stop = trackWindowState(window, (s) => saved.push(s), 500);
    window.minimized = true;
    window.emit("move");
    vi.advanceTimersByTime(600);
    expect(saved).toEqual([]);
    window.minimized = false;
    window.emit("resize");
    stop();
    vi.advanceTimersByTime(600);
    expect(saved).toEqual([]);
  });
});
