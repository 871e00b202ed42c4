import type { DatasetResult } from "./DatasetResult";
import type { HalfSummary, Halves } from "./HalfSummary";
import { ratio } from "./tally";

/**
 * The dev loop of issue #11: every dev set split in two, reported side by side, so a change that
 * improves only the half it was tuned on shows up as tuning. PUPA: rows 0–149 vs 150–299;
 * Presidio: sentence id (the sample's position in the file) in the first vs the second half;
 * our scenarios: the first vs the second half of the file.
 */
/** Splits records in two by a key: the first half of the key range vs the second. */
export function splitInTwo<T>(records: readonly T[], key: (r: T) => number, boundary?: number): [T[], T[]] {
  const keys = records.map(key).sort((a, b) => a - b);
  const cut = boundary ?? keys[Math.ceil(keys.length / 2)] ?? Infinity;
  return [records.filter((r) => key(r) < cut), records.filter((r) => key(r) >= cut)];
}

export function summarizeHalf(label: string, r: DatasetResult): HalfSummary {
  const spans = r.spans ? Object.values(r.spans.byType) : null;
  const gold = spans?.reduce((n, s) => n + s.gold, 0) ?? 0;
  const found = spans?.reduce((n, s) => n + s.found, 0) ?? 0;
  return {
    label,
    records: r.records,
    items: r.items,
    leaked: r.leaked,
    leakage: r.leakage,
    recall: spans ? ratio(found, gold) : ratio(r.items - r.leaked, r.items),
    publicRetention: r.publicRetention,
    restoreRate: r.restoreRate,
  };
}

const pct = (v: number | null) => (v === null ? "n/a" : `${(v * 100).toFixed(1)}%`);

/** Two columns, one per half. */
export function formatHalves(halves: Halves): string[] {
  const rows: Array<[string, (h: HalfSummary) => string]> = [
    ["records", (h) => String(h.records)],
    ["leakage", (h) => `${pct(h.leakage)} (${h.leaked}/${h.items})`],
    ["recall", (h) => pct(h.recall)],
    ["public-phrase retention", (h) => pct(h.publicRetention)],
    ["restore rate", (h) => pct(h.restoreRate)],
  ];
  const head = `halves:                    ${halves[0].label.padEnd(24)}${halves[1].label}`;
  return [head, ...rows.map(([name, get]) => `  ${name.padEnd(24)}${get(halves[0]).padEnd(24)}${get(halves[1])}`)];
}
