import { describe, expect, it } from "vitest";
import { clampWindowBounds } from "../../../../main/electron/clampWindowBounds";

const MIN = { width: 720, height: 480 };
/** A 1920×1080 laptop screen (menu bar taken off) and a 2560×1440 monitor to its right. */
const LAPTOP = { x: 0, y: 25, width: 1920, height: 1055 };
const MONITOR = { x: 1920, y: 0, width: 2560, height: 1400 };

describe("placing a saved window on the displays there are now", () => {
  it("keeps a window that is fully on a display exactly where it was", () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800 };
    expect(clampWindowBounds(saved, [LAPTOP, MONITOR], MIN)).toEqual(saved);
    const onMonitor = { x: 2500, y: 300, width: 1400, height: 900 };
    expect(clampWindowBounds(onMonitor, [LAPTOP, MONITOR], MIN)).toEqual(onMonitor);
  });

  it("centres a window on the primary display when the monitor it was on is unplugged", () => {
    const wasOnMonitor = { x: 2500, y: 300, width: 1400, height: 900 };
    expect(clampWindowBounds(wasOnMonitor, [LAPTOP], MIN)).toEqual({ x: 260, y: 103, width: 1400, height: 900 });
  });

  it("pulls a window hanging off the edge fully back onto the display it overlaps most", () => {
    const offBottomRight = { x: 1500, y: 700, width: 1000, height: 700 };
    // 420×380 px on the laptop, 580×700 px on the monitor: the monitor wins.
    expect(clampWindowBounds(offBottomRight, [LAPTOP, MONITOR], MIN)).toEqual({
      x: 1920,
      y: 700,
      width: 1000,
      height: 700,
    });
    const aboveTheTop = { x: 300, y: -200, width: 1000, height: 700 };
    expect(clampWindowBounds(aboveTheTop, [LAPTOP, MONITOR], MIN)).toEqual({ x: 300, y: 25, width: 1000, height: 700 });
  });

  it("shrinks a window larger than its display (saved on a bigger screen) to fit", () => {
    const huge = { x: 0, y: 0, width: 2400, height: 1400 };
    expect(clampWindowBounds(huge, [LAPTOP], MIN)).toEqual({ x: 0, y: 25, width: 1920, height: 1055 });
  });

  it("grows a window below the minimum size, unless the display itself is smaller", () => {
    expect(clampWindowBounds({ x: 50, y: 50, width: 200, height: 100 }, [LAPTOP], MIN)).toEqual({
      x: 50,
      y: 50,
      width: 720,
      height: 480,
    });
    const tiny = { x: 0, y: 0, width: 640, height: 400 };
    expect(clampWindowBounds({ x: 10, y: 10, width: 800, height: 600 }, [tiny], MIN)).toEqual({
      x: 0,
      y: 0,
      width: 640,
      height: 400,
    });
  });

  it("leaves the saved bounds alone when no display is reported", () => {
    const saved = { x: 10, y: 10, width: 800, height: 600 };
    expect(clampWindowBounds(saved, [], MIN)).toEqual(saved);
  });
});
