/**
 * Steps 1–4 of two privacy engines side by side in ONE process: this tree's `app/privacy` and
 * the one of another checkout (`--base`, e.g. `git archive main app | tar -x -C /tmp/main`, with
 * this tree's node_modules linked in). Every 2 KB chunk of each dev set (the chunks bench:privacy
 * times) is sanitized by both, alternating which goes first, with a fresh vault each time; the
 * process CPU time of each call is summed per engine.
 *
 * Why: on this shared 2-core machine the load moves from 1 to 30 within an hour, and even CPU time
 * per run moves by ±30% with it, more than most speed changes. Measured in one process,
 * interleaved chunk by chunk, both engines see the same load.
 *
 *   npx tsx bench/privacySpeedAB.ts --base <dir> [--passes N] [--sets scenarios,dev2,pupa,presidio] [--gate]
 *
 * `--gate`: each chunk is also re-scanned as the egress gate does (detect of sanitize's output in the same vault).
 *
 * Prints one markdown row per set: CPU KB/s and p95 ms per 2 KB for base and this tree. PUPA and
 * Presidio are also reported per half (rows 0–149 / 150–299; first / second half of sentence ids).
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import * as current from "../app/privacy";
import { loadPresidio } from "./privacy/loadPresidio";
import { loadPupa } from "./privacy/loadPupa";
import { splitInTwo } from "./privacy/halves";
import { parseScenarios, scenarioParts } from "./privacy/scenarioSchema";
import { chunkText } from "./privacy/throughput";

type Engine = Pick<typeof current, "sanitize" | "detect" | "PrivacyVault" | "preparePrivacyEngine">;

const REPO = resolve(import.meta.dirname, "..");
const PUPA_HALF = 150;

function sets(): Record<string, string[][]> {
  const scenarios = (file: string) =>
    parseScenarios(readFileSync(resolve(REPO, "test/fixtures/privacy", file), "utf8")).flatMap(scenarioParts);
  const rows = loadPupa(resolve(REPO, "../shared/data/pupa/PUPA_New_rows0-299.csv"));
  const samples = loadPresidio(resolve(REPO, "../shared/data/presidio-research-synth/synth_dataset_v2.json"));
  const [pupaA, pupaB] = splitInTwo(rows, (r) => r.row, PUPA_HALF);
  const [presA, presB] = splitInTwo(samples, (s) => s.index);
  return {
    scenarios: [scenarios("scenarios.jsonl")],
    dev2: [scenarios("dev2.jsonl")],
    pupa: [pupaA.map((r) => r.query), pupaB.map((r) => r.query)],
    presidio: [presA.map((s) => s.text), presB.map((s) => s.text)],
  };
}

interface Tally {
  ms: number;
  bytes: number;
  per2KB: number[];
}

/** One chunk as a request meets it: sanitized, and with `gate`, the egress gate's full scan of the output in the same vault. */
function runner(gate: boolean) {
  return (e: Engine, chunk: string) => {
    const vault = new e.PrivacyVault("speed-ab");
    const out = e.sanitize(chunk, vault, { locale: "en-US" });
    if (gate) e.detect(out.text, vault, { locale: "en-US" });
  };
}

function timeBoth(chunks: readonly string[], engines: ReadonlyArray<[string, Engine]>, passes: number, gate: boolean) {
  const tallies = new Map(engines.map(([label]) => [label, { ms: 0, bytes: 0, per2KB: [] } as Tally]));
  const run = runner(gate);
  for (const [, e] of engines) for (const chunk of chunks) run(e, chunk); // warm-up (JIT, word lists)
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, chunk] of chunks.entries()) {
      const bytes = Buffer.byteLength(chunk);
      for (const [label, e] of (pass + i) % 2 ? engines : [...engines].reverse()) {
        const before = process.cpuUsage();
        run(e, chunk);
        const used = process.cpuUsage(before);
        const ms = (used.user + used.system) / 1000;
        const t = tallies.get(label) as Tally;
        t.ms += ms;
        t.bytes += bytes;
        if (bytes >= 1024) t.per2KB.push((ms * 2048) / bytes);
      }
    }
  }
  return tallies;
}

function combine(tallies: Tally[]): Tally {
  return {
    ms: tallies.reduce((n, t) => n + t.ms, 0),
    bytes: tallies.reduce((n, t) => n + t.bytes, 0),
    per2KB: tallies.flatMap((t) => t.per2KB),
  };
}

function cell(t: Tally): string {
  const sorted = [...t.per2KB].sort((a, b) => a - b);
  const p95 = sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
  return `${Math.round(t.bytes / 1024 / (t.ms / 1000))} KB/s / ${p95.toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: "string" },
      passes: { type: "string", default: "3" },
      sets: { type: "string" },
      gate: { type: "boolean", default: false },
    },
  });
  if (!values.base) {
    console.error("Usage: npx tsx bench/privacySpeedAB.ts --base <dir of another checkout> [--passes N] [--sets a,b]");
    process.exitCode = 2;
    return;
  }
  const base = (await import(resolve(values.base, "app/privacy/index.ts"))) as Engine;
  const engines: Array<[string, Engine]> = [
    ["base", base],
    ["this tree", current],
  ];
  for (const [, e] of engines) e.preparePrivacyEngine();
  const passes = Math.max(1, Number.parseInt(values.passes, 10) || 3);
  const all = sets();
  const wanted = values.sets?.split(",") ?? Object.keys(all);
  const what = values.gate ? "sanitize + the gate's re-scan of its output" : "sanitize";
  console.log(
    `Steps 1–4 (${what}), CPU time, both engines in one process, ${passes} passes, load ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log("| set | chunks | base KB/s / p95 per 2 KB | this tree KB/s / p95 per 2 KB |");
  console.log("|---|---|---|---|");
  for (const name of wanted) {
    const parts = all[name];
    if (!parts) throw new Error(`Unknown set "${name}"; known: ${Object.keys(all).join(", ")}`);
    // Each half is timed once; the whole set's row adds the halves up.
    const halves = parts.map((texts) => {
      const chunks = chunkText(texts.join("\n\n"));
      return { chunks: chunks.length, tallies: timeBoth(chunks, engines, passes, values.gate) };
    });
    type Half = (typeof halves)[number];
    const rows: Array<[string, Half[]]> = [["", halves]];
    if (halves.length > 1) halves.forEach((h, i) => rows.push([` half ${i + 1}`, [h]]));
    for (const [suffix, group] of rows) {
      const chunks = group.reduce((n, h) => n + h.chunks, 0);
      const [b, t] = ["base", "this tree"].map((label) => combine(group.map((h) => h.tallies.get(label) as Tally)));
      console.log(`| ${name}${suffix} | ${chunks} | ${cell(b as Tally)} | ${cell(t as Tally)} |`);
    }
  }
  console.log(`load ${loadavg()[0]?.toFixed(1)} at the end`);
}

await main();
