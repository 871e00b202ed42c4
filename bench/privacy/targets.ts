import type { DatasetName, DatasetResult } from "./DatasetResult";

/** The targets of issues #3 and #11, evaluated per dataset. */
export interface TargetCheck {
  dataset: DatasetName;
  metric: string;
  value: number | null;
  target: string;
  /** null when the metric could not be measured (no items). */
  pass: boolean | null;
  /** How far from the target, e.g. "1.2 pp", "310 KB/s"; null when passed. */
  missBy: string | null;
}

type Unit = "pct" | "ratio" | "kbps" | "ms";

interface Target {
  metric: string;
  datasets: readonly DatasetName[];
  get: (r: DatasetResult) => number | null | undefined;
  op: "<=" | ">=";
  limit: number;
  unit: Unit;
}

const ALL: readonly DatasetName[] = ["scenarios", "pupa", "presidio"];

export const TARGETS: readonly Target[] = [
  // Issue #11: held-out scenarios ≤ 5% (a scenario file given with --data is measured against it), PUPA ≤ 3%.
  { metric: "leakage", datasets: ["scenarios"], get: (r) => r.leakage, op: "<=", limit: 0.05, unit: "pct" },
  { metric: "leakage", datasets: ["pupa"], get: (r) => r.leakage, op: "<=", limit: 0.03, unit: "pct" },
  {
    metric: "span recall, structured",
    datasets: ["presidio"],
    get: (r) => r.spans?.groups.structured.recall,
    op: ">=",
    limit: 0.97,
    unit: "ratio",
  },
  {
    metric: "span recall, names",
    datasets: ["presidio"],
    get: (r) => r.spans?.groups.names.recall,
    op: ">=",
    limit: 0.95,
    unit: "ratio",
  },
  {
    metric: "span recall, organisations and places",
    datasets: ["presidio"],
    get: (r) => r.spans?.groups.organisationsAndPlaces.recall,
    op: ">=",
    limit: 0.8,
    unit: "ratio",
  },
  {
    metric: "public-phrase retention",
    datasets: ["scenarios"],
    get: (r) => r.publicRetention,
    op: ">=",
    limit: 0.95,
    unit: "pct",
  },
  { metric: "restore rate", datasets: ALL, get: (r) => r.restoreRate, op: ">=", limit: 0.99, unit: "pct" },
  { metric: "throughput KB/s", datasets: ALL, get: (r) => r.kbPerSecond, op: ">=", limit: 500, unit: "kbps" },
  { metric: "p95 ms per 2 KB", datasets: ALL, get: (r) => r.p95MsPer2KB, op: "<=", limit: 5, unit: "ms" },
];

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined) return "n/a";
  if (unit === "pct") return `${(value * 100).toFixed(1)}%`;
  if (unit === "ratio") return value.toFixed(3);
  if (unit === "kbps") return `${Math.round(value)} KB/s`;
  return `${value.toFixed(2)} ms`;
}

function formatGap(gap: number, unit: Unit): string {
  if (unit === "pct") return `${(gap * 100).toFixed(1)} pp`;
  if (unit === "ratio") return gap.toFixed(3);
  if (unit === "kbps") return `${Math.round(gap)} KB/s`;
  return `${gap.toFixed(2)} ms`;
}

export function checkTargets(result: DatasetResult): TargetCheck[] {
  return TARGETS.filter((t) => t.datasets.includes(result.dataset)).map((t) => {
    const value = t.get(result) ?? null;
    const pass = value === null ? null : t.op === "<=" ? value <= t.limit : value >= t.limit;
    return {
      dataset: result.dataset,
      metric: t.metric,
      value,
      target: `${t.op === "<=" ? "≤" : "≥"} ${formatValue(t.limit, t.unit)}`,
      pass,
      missBy: pass === false && value !== null ? formatGap(Math.abs(value - t.limit), t.unit) : null,
    };
  });
}

/** The display form of a check's value. */
export function formatCheckValue(check: TargetCheck): string {
  return formatValue(check.value, TARGETS.find((t) => t.metric === check.metric)?.unit ?? "ratio");
}
