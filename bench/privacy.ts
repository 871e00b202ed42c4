/**
 * The privacy benchmark (issue #3, "Measure it"): leakage, span recall/precision,
 * public-phrase retention, restore rate and throughput of app/privacy on our scenarios, PUPA
 * rows 0–299 and the presidio-research synthetic set. See docs/BENCHMARKS.md ("Privacy").
 *
 *   npm run bench:privacy -- [--data <file> --format scenarios|pupa|presidio] [--json | --markdown] [--no-nlp] [--limit N] [--show-leaks] [--model <file.gguf>]
 *
 * Each dev set is also reported in two halves side by side (bench/privacy/halves.ts); with
 * --model, steps 1–5 are measured with that local model too (bench/privacy/runModelStep.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { basename, dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { preparePrivacyEngine } from "../app/privacy";
import type { DatasetName, DatasetResult, RunOptions } from "./privacy/DatasetResult";
import { combineResults } from "./privacy/combineResults";
import { formatDataset, STEP5_NOTE } from "./privacy/formatReport";
import { formatMarkdown } from "./privacy/formatMarkdown";
import { splitInTwo, summarizeHalf } from "./privacy/halves";
import { loadPresidio } from "./privacy/loadPresidio";
import { loadPupa } from "./privacy/loadPupa";
import { parseBenchArgs, USAGE, type BenchArgs } from "./privacy/parseBenchArgs";
import { runPresidio } from "./privacy/runPresidio";
import { runPupa } from "./privacy/runPupa";
import { runScenarios } from "./privacy/runScenarios";
import { formatModelStep, runModelStep, type ModelStepRecord, type ModelStepResult } from "./privacy/runModelStep";
import { parseScenarios, scenarioLocale, scenarioParts } from "./privacy/scenarioSchema";
import { LlamaRuntime } from "../native-models/LlamaRuntime";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Read in place, never copied into the project (PUPA holds real user prompts). */
const DEFAULT_DATA: ReadonlyArray<[DatasetName, string]> = [
  ["scenarios", resolve(REPO, "test/fixtures/privacy/scenarios.jsonl")],
  ["pupa", resolve(REPO, "../shared/data/pupa/PUPA_New_rows0-299.csv")],
  ["presidio", resolve(REPO, "../shared/data/presidio-research-synth/synth_dataset_v2.json")],
];

function runDataset(format: DatasetName, path: string, args: BenchArgs): DatasetResult {
  const options: RunOptions = { nlp: args.nlp, passes: args.passes };
  const halfOptions: RunOptions = { ...options, throughput: false };
  const shown = relative(REPO, path) || path;
  if (format === "scenarios") {
    const scenarios = parseScenarios(readFileSync(path, "utf8")).slice(0, args.limit);
    const [a, b] = splitInTwo(scenarios, (s) => scenarios.indexOf(s));
    return withHalves(
      runScenarios(scenarios, shown, options),
      ["first half", runScenarios(a, shown, halfOptions)],
      ["second half", runScenarios(b, shown, halfOptions)],
    );
  }
  if (format === "pupa") {
    const rows = loadPupa(path, args.limit);
    const [a, b] = splitInTwo(rows, (r) => r.row, PUPA_HALF);
    return withHalves(
      runPupa(rows, shown, options),
      [`rows < ${PUPA_HALF}`, runPupa(a, shown, halfOptions)],
      [`rows ≥ ${PUPA_HALF}`, runPupa(b, shown, halfOptions)],
    );
  }
  const samples = loadPresidio(path, args.limit);
  const [a, b] = splitInTwo(samples, (s) => s.index);
  return withHalves(
    runPresidio(samples, shown, options),
    ["first half of ids", runPresidio(a, shown, halfOptions)],
    ["second half of ids", runPresidio(b, shown, halfOptions)],
  );
}

/** Steps 1–5 with a real local model on every dataset (one model load). */
async function measureModelStep(
  modelPath: string,
  jobs: ReadonlyArray<[DatasetName, string]>,
  limit: number | undefined,
): Promise<ModelStepResult[]> {
  const runtime = await LlamaRuntime.create({ gpu: false });
  try {
    const model = await runtime.load(resolve(process.cwd(), modelPath), { threads: 1, contextSize: 2048 });
    const out: ModelStepResult[] = [];
    for (const [format, path] of jobs)
      out.push(await runModelStep(format, modelRecords(format, path, limit), model, basename(modelPath)));
    return out;
  } finally {
    await runtime.dispose();
  }
}

function modelRecords(format: DatasetName, path: string, limit: number | undefined): ModelStepRecord[] {
  if (format === "scenarios") {
    return parseScenarios(readFileSync(path, "utf8"))
      .slice(0, limit)
      .map((s) => ({
        id: s.id,
        parts: scenarioParts(s),
        context: [s.profile, s.context],
        items: s.private.map((p) => p.text),
        locale: scenarioLocale(s),
      }));
  }
  if (format === "pupa")
    return loadPupa(path, limit).map((r) => ({
      id: String(r.row),
      parts: [r.query],
      context: [],
      items: r.units.map((u) => u.text),
      locale: "en-US",
    }));
  return loadPresidio(path, limit).map((s) => ({
    id: String(s.index),
    parts: [s.text],
    context: [],
    items: s.spans.map((g) => g.value),
    locale: "en-US",
  }));
}

/** PUPA's dev rows 0–299 split at row 150. */
const PUPA_HALF = 150;

function withHalves(
  full: DatasetResult,
  first: [string, DatasetResult],
  second: [string, DatasetResult],
): DatasetResult {
  return { ...full, halves: [summarizeHalf(...first), summarizeHalf(...second)] };
}

function missingFileMessage(format: DatasetName, path: string, explicit: boolean): string {
  if (explicit) return `--data ${path} does not exist; nothing to measure.`;
  const where =
    format === "scenarios"
      ? "It ships with the repo."
      : "The shared data folder is expected next to the repo (../shared/data, see its SOURCE.md); it is read in place, never copied.";
  return `Skipping ${format}: ${path} does not exist. ${where}`;
}

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const jobs: Array<[DatasetName, string]> = args.data
    ? [[args.format ?? "scenarios", resolve(process.cwd(), args.data)]]
    : [...DEFAULT_DATA];
  // Word lists load once per process (~0.2 s); the throughput warm-up pass would absorb it too.
  preparePrivacyEngine();
  const results: DatasetResult[] = [];
  for (const [format, path] of jobs) {
    if (!existsSync(path)) {
      console.error(missingFileMessage(format, path, args.data !== undefined));
      continue;
    }
    results.push(runDataset(format, path, args));
  }
  if (results.length === 0) {
    console.error("No dataset could be read; nothing was measured.");
    return 1;
  }
  const modelSteps = args.model
    ? await measureModelStep(
        args.model,
        jobs.filter(([, path]) => existsSync(path)),
        args.limit,
      )
    : [];
  if (args.json)
    console.log(JSON.stringify({ ...combineResults(results), ...(args.model ? { step5: "run", modelSteps } : {}) }));
  else if (args.markdown) console.log(formatMarkdown(results));
  else
    console.log(
      [
        `Privacy benchmark, ${new Date().toISOString()}, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2)} (shared 2-core machine)`,
        args.model ? `Step 5 measured with ${args.model} (below, after steps 1–4).` : STEP5_NOTE,
        ...results.map((r) => formatDataset(r, args.showLeaks)),
        ...modelSteps.map(formatModelStep),
      ].join("\n\n"),
    );
  return args.data && results.length < jobs.length ? 1 : 0;
}

process.exitCode = await main();
