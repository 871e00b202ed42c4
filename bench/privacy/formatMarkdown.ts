import type { DatasetResult } from "./DatasetResult";
import { checkTargets, formatCheckValue, formatValue } from "./targets";

/** The results table for docs/BENCHMARKS.md (`--markdown`), so numbers are pasted, not retyped. */
export function formatMarkdown(results: readonly DatasetResult[]): string {
  const rows = results.flatMap((r) =>
    checkTargets(r).map((c) => {
      const detail = c.metric === "leakage" ? ` (${r.leaked}/${r.items})` : "";
      const result = c.pass === null ? "n/a" : c.pass ? "PASS" : `**MISS** by ${c.missBy}`;
      return `| ${r.dataset} | ${c.metric} | ${formatCheckValue(c)}${detail} | ${c.target} | ${result} |`;
    }),
  );
  const speed = results.map((r) => {
    const t = (x: DatasetResult["throughput"]["noNlp"] | null) =>
      x
        ? `${formatValue(x.kbPerSecond, "kbps")}, p50 ${formatValue(x.p50MsPer2KB, "ms")}, p95 ${formatValue(x.p95MsPer2KB, "ms")} (CPU time: ${formatValue(x.cpu.kbPerSecond, "kbps")}, p95 ${formatValue(x.cpu.p95MsPer2KB, "ms")})`
        : "not run";
    return `| ${r.dataset} | ${Math.round(r.throughput.noNlp.bytes / 1024)} KB, ${r.throughput.noNlp.chunks} chunks | ${t(r.throughput.nlp)} | ${t(r.throughput.noNlp)} |`;
  });
  return [
    "| dataset | metric | value | target | result |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    "| dataset | corpus | with NLP (steps 1–4) | without NLP (steps 1–3) |",
    "|---|---|---|---|",
    ...speed,
  ].join("\n");
}
