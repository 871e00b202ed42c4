/**
 * Speed work must not change what the privacy engine finds. Compares two outputs of
 * `npm run -s bench:privacy -- --json [--passes 1]` with every timing field left out (throughput,
 * latencies, load, date, the throughput targets) and prints each difference that is left:
 * leakage, recall, retention, restore, per-type counts and halves. Leak lists are compared but
 * only counted: they hold both halves of each dev set, and reading the report half's leaks row by
 * row would turn it into a tuning half (docs/BENCHMARKS.md). `--show-leaks` prints them.
 *
 *   npx tsx bench/privacyQualityDiff.ts before.json after.json [--show-leaks]   # exit 0: identical
 */
import { readFileSync } from "node:fs";

const TIMING_KEYS = new Set([
  "date",
  "node",
  "loadAverage1m",
  "kbPerSecond",
  "p50MsPer2KB",
  "p95MsPer2KB",
  "throughput",
]);
const TIMING_METRICS = new Set(["throughput KB/s", "p95 ms per 2 KB"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The result without anything that depends on how fast the machine was. */
function withoutTimings(value: Json): Json {
  if (Array.isArray(value)) return value.filter((v) => !isTimingTarget(v)).map(withoutTimings);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !TIMING_KEYS.has(k))
      .map(([k, v]) => [k, withoutTimings(v)]),
  );
}

function isTimingTarget(value: Json): boolean {
  return (
    value !== null && typeof value === "object" && !Array.isArray(value) && TIMING_METRICS.has(String(value.metric))
  );
}

function differences(a: Json, b: Json, path: string, out: string[]): void {
  if (out.length >= 50) return;
  if (
    a !== null &&
    b !== null &&
    typeof a === "object" &&
    typeof b === "object" &&
    Array.isArray(a) === Array.isArray(b)
  ) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      differences((a as Record<string, Json>)[k] ?? null, (b as Record<string, Json>)[k] ?? null, `${path}/${k}`, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path || "/"}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
}

const showLeaks = process.argv.includes("--show-leaks");
const [before, after] = process.argv.slice(2).filter((a) => a !== "--show-leaks");
if (!before || !after) {
  console.error(
    "Usage: npx tsx bench/privacyQualityDiff.ts <before.json> <after.json> (outputs of npm run -s bench:privacy -- --json)",
  );
  process.exit(2);
}
const read = (path: string) => withoutTimings(JSON.parse(readFileSync(path, "utf8")) as Json);
const all: string[] = [];
differences(read(before), read(after), "", all);
const isLeakDetail = (line: string) => /\/leaks\//.test(line.slice(0, line.indexOf(":")));
const found = showLeaks ? all : all.filter((line) => !isLeakDetail(line));
const hiddenLeaks = all.length - found.length;
console.log(
  all.length === 0
    ? "Quality identical (timing fields ignored)."
    : `Quality differs (first ${all.length} differences):\n${found.join("\n")}` +
        (hiddenLeaks > 0 ? `\n…and ${hiddenLeaks} differences in leak lists (--show-leaks prints them)` : ""),
);
process.exitCode = all.length === 0 ? 0 : 1;
