import { loadavg } from "node:os";
import type { DatasetResult } from "./DatasetResult";
import { ratio, type Rate } from "./tally";
import { checkTargets, type TargetCheck } from "./targets";

/**
 * The one JSON object `--json` prints. With one dataset the top-level fields are that
 * dataset's; with several they are pooled (sums of counts; throughput and latency are the
 * worst dataset's, so a target is never met by averaging) and byType keys are "dataset/TYPE".
 */
export interface BenchReport extends Rate {
  date: string;
  node: string;
  /** "run" when --model measured steps 1–5 as well (then `modelSteps` holds those results). */
  step5: "not run" | "run";
  /** 1-minute load average when the run ended: the machine is shared, timings depend on it. */
  loadAverage1m: number;
  publicRetention: number | null;
  restoreRate: number | null;
  kbPerSecond: number | null;
  p95MsPer2KB: number | null;
  byType: Record<string, Rate>;
  targets: TargetCheck[];
  datasets: Partial<Record<DatasetResult["dataset"], DatasetResult>>;
}

export function combineResults(
  results: readonly DatasetResult[],
  date = new Date(),
  loadAverage1m = loadavg()[0] ?? 0,
): BenchReport {
  const single = results.length === 1 ? results[0] : undefined;
  const sum = (f: (r: DatasetResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const items = sum((r) => r.items);
  const leaked = sum((r) => r.leaked);
  const publicPhrases = sum((r) => r.publicPhrases);
  const restoreItems = sum((r) => r.roundTrip.items);
  return {
    date: date.toISOString(),
    node: process.version,
    step5: "not run",
    loadAverage1m,
    items,
    leaked,
    leakage: ratio(leaked, items),
    publicRetention: ratio(
      sum((r) => r.publicKept),
      publicPhrases,
    ),
    restoreRate: ratio(
      sum((r) => r.roundTrip.itemsRestored),
      restoreItems,
    ),
    kbPerSecond: worst(
      results.map((r) => r.kbPerSecond),
      Math.min,
    ),
    p95MsPer2KB: worst(
      results.map((r) => r.p95MsPer2KB),
      Math.max,
    ),
    byType: single ? single.byType : prefixedByType(results),
    targets: results.flatMap(checkTargets),
    datasets: Object.fromEntries(results.map((r) => [r.dataset, r])),
  };
}

function worst(values: ReadonlyArray<number | null>, pick: (...v: number[]) => number): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : pick(...known);
}

function prefixedByType(results: readonly DatasetResult[]): Record<string, Rate> {
  return Object.fromEntries(results.flatMap((r) => Object.entries(r.byType).map(([t, v]) => [`${r.dataset}/${t}`, v])));
}
