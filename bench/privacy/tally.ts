/** Counting helpers shared by the three dataset runners. */

export interface Rate {
  /** Items counted. */
  items: number;
  /** Items still readable in the sanitized output. */
  leaked: number;
  /** leaked ÷ items; null when there are no items. */
  leakage: number | null;
}

export interface Outcome {
  type: string;
  leaked: boolean;
}

/** leaked ÷ items overall and per type. */
export function tallyLeaks(outcomes: readonly Outcome[]): Rate & { byType: Record<string, Rate> } {
  const byType: Record<string, Rate> = {};
  for (const o of outcomes) {
    const t = (byType[o.type] ??= { items: 0, leaked: 0, leakage: null });
    t.items++;
    if (o.leaked) t.leaked++;
  }
  for (const t of Object.values(byType)) t.leakage = ratio(t.leaked, t.items);
  const leaked = outcomes.filter((o) => o.leaked).length;
  return { items: outcomes.length, leaked, leakage: ratio(leaked, outcomes.length), byType: sortKeys(byType) };
}

/** a ÷ b, or null when b is 0 (an empty set has no rate, not a perfect one). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** The p-th percentile (0–100) by linear interpolation between closest ranks. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lo = sorted[low] ?? 0;
  return lo + ((sorted[high] ?? lo) - lo) * (rank - low);
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
