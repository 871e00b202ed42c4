import type { DatasetResult, LeakRecord } from "./DatasetResult";
import type { Rate } from "./tally";
import { formatHalves } from "./halves";
import { checkTargets, formatCheckValue, formatValue } from "./targets";
import type { Throughput } from "./throughput";

export const STEP5_NOTE =
  "Step 5 (local-model pass) is NOT run: these numbers are steps 1–4 only (pass --model <file.gguf> to measure steps 1–5 with a local model).";

const pad = (cells: string[], widths: number[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();

/** The readable report of one dataset run: targets with PASS/MISS, then details. */
export function formatDataset(r: DatasetResult, showLeaks: boolean): string {
  const lines = [`== ${r.dataset}: ${r.source} (${r.records} records, ${r.items} items, NLP ${r.nlp ? "on" : "off"})`];
  const widths = [26, 22, 12, 8];
  lines.push(pad(["metric", "value", "target", "result"], widths));
  for (const c of checkTargets(r)) {
    const result = c.pass === null ? "n/a" : c.pass ? "PASS" : `MISS by ${c.missBy}`;
    const detail = c.metric === "leakage" ? ` (${r.leaked}/${r.items})` : "";
    lines.push(pad([c.metric, formatCheckValue(c) + detail, c.target, result], widths));
  }
  lines.push(...details(r));
  if (r.halves) lines.push(...formatHalves(r.halves));
  if (showLeaks) {
    if (r.leaks.length > 0) lines.push("leaks:", ...r.leaks.map(formatRecord));
    if (r.notRestored.length > 0) lines.push("not restored:", ...r.notRestored.map(formatRecord));
    if (r.publicLost?.length)
      lines.push("public phrases removed:", ...r.publicLost.map((p) => `  ${p.record}  ${JSON.stringify(p.phrase)}`));
  }
  lines.push(...r.notes.map((n) => `note: ${n}`));
  return lines.join("\n");
}

function formatRecord(l: LeakRecord): string {
  const shown =
    l.text !== undefined
      ? JSON.stringify(l.text)
      : l.mask !== undefined
        ? `mask ${JSON.stringify(l.mask)}, ${l.left} occurrences left`
        : "";
  return `  ${l.record}  ${l.type}  len ${l.length}  ${shown}`.trimEnd();
}

function details(r: DatasetResult): string[] {
  const out = [
    `leakage if sent unchanged: ${formatValue(r.baselineLeakage, "pct")} (${r.itemsInInput}/${r.items} items readable in the input)`,
    `restore: ${r.roundTrip.itemsRestored}/${r.roundTrip.items} removed items back after restore; exact round trip ${r.roundTrip.exact}/${r.roundTrip.texts} texts (${formatValue(r.roundTrip.exactRoundTripRate, "pct")}, no target)`,
    `throughput with NLP: ${formatThroughput(r.throughput.nlp)}`,
    `throughput without NLP: ${formatThroughput(r.throughput.noNlp)}`,
    `leakage by type: ${formatRates(r.byType)}`,
  ];
  if (r.publicPhrases > 0) out.push(`public phrases kept: ${r.publicKept}/${r.publicPhrases}`);
  if (r.byCategory) out.push(`leakage by category: ${formatRates(r.byCategory)}`);
  if (r.spans) out.push(...formatSpans(r.spans));
  return out;
}

function formatThroughput(t: Throughput | null): string {
  if (!t) return "not run (--no-nlp)";
  const cpu = `CPU time: ${formatValue(t.cpu.kbPerSecond, "kbps")}, p95 ${formatValue(t.cpu.p95MsPer2KB, "ms")}`;
  return `${formatValue(t.kbPerSecond, "kbps")}, p50 ${formatValue(t.p50MsPer2KB, "ms")}, p95 ${formatValue(t.p95MsPer2KB, "ms")} per 2 KB (${t.chunks} chunks, ${Math.round(t.bytes / 1024)} KB; ${cpu})`;
}

function formatRates(rates: Record<string, Rate>): string {
  return Object.entries(rates)
    .map(([t, v]) => `${t} ${v.leaked}/${v.items}`)
    .join(", ");
}

function formatSpans(s: NonNullable<DatasetResult["spans"]>): string[] {
  const groups = Object.entries(s.groups).map(
    ([g, v]) => `${g} ${formatValue(v.recall, "ratio")} (${v.found}/${v.gold})`,
  );
  const types = Object.entries(s.byType).map(
    ([t, v]) => `${t} ${formatValue(v.recall, "ratio")}/${formatValue(v.typedRecall, "ratio")} (${v.found}/${v.gold})`,
  );
  const precision = Object.entries(s.precisionByEngineType).map(
    ([t, v]) => `${t} ${formatValue(v.precision, "ratio")} (${v.correct}/${v.predicted})`,
  );
  return [
    `span recall by group: ${groups.join(", ")}`,
    `span recall/typed recall by type: ${types.join(", ")}`,
    `span precision ${formatValue(s.precision, "ratio")}; by engine type: ${precision.join(", ")}`,
  ];
}
