/** A rectangle in screen coordinates (Electron's `Rectangle`), as plain data. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MinSize {
  width: number;
  height: number;
}

/**
 * Where to put a window saved at `saved` on the displays there are now (their work areas, the
 * primary first): on the display it overlaps most, shrunk to fit it and moved fully onto it. If
 * it overlaps none (the monitor it was on is gone), it is centred on the primary display. Never
 * smaller than `min`, unless the display itself is smaller.
 */
export function clampWindowBounds(saved: Rect, workAreas: readonly Rect[], min: MinSize): Rect {
  const primary = workAreas[0];
  if (!primary) return saved;
  const best = mostOverlapped(saved, workAreas);
  const area = best ?? primary;
  const width = Math.min(Math.max(saved.width, min.width), area.width);
  const height = Math.min(Math.max(saved.height, min.height), area.height);
  if (!best)
    return {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
    };
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

function mostOverlapped(rect: Rect, areas: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestOverlap = 0;
  for (const area of areas) {
    const overlap = overlapArea(rect, area);
    if (overlap > bestOverlap) [best, bestOverlap] = [area, overlap];
  }
  return best;
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
