/**
 * The privacy benchmark (issue #3, "Measure it"): leakage, span recall/precision,
 * public-phrase retention, restore rate and throughput of app/privacy on our scenarios, PUPA
 * rows 0–299 and the presidio-research synthetic set. See docs/BENCHMARKS.md ("Privacy").
 *
 *   npm run bench:privacy -- [--data <file> --format scenarios|pupa|presidio] [--json | --markdown] [--no-nlp] [--limit N] [--show-leaks]
 */
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { preparePrivacyEngine } from "../app/privacy";
import type { DatasetName, DatasetResult, RunOptions } from "./privacy/DatasetResult";
import { combineResults } from "./privacy/combineResults";
import { formatDataset, STEP5_NOTE } from "./privacy/formatReport";
import { formatMarkdown } from "./privacy/formatMarkdown";
import { loadPresidio } from "./privacy/loadPresidio";
import { loadPupa } from "./privacy/loadPupa";
import { parseBenchArgs, USAGE, type BenchArgs } from "./privacy/parseBenchArgs";
import { runPresidio } from "./privacy/runPresidio";
import { runPupa } from "./privacy/runPupa";
import { runScenarios } from "./privacy/runScenarios";
import { parseScenarios } from "./privacy/scenarioSchema";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Read in place, never copied into the project (PUPA holds real user prompts). */
const DEFAULT_DATA: ReadonlyArray<[DatasetName, string]> = [
  ["scenarios", resolve(REPO, "test/fixtures/privacy/scenarios.jsonl")],
  ["pupa", resolve(REPO, "../shared/data/pupa/PUPA_New_rows0-299.csv")],
  ["presidio", resolve(REPO, "../shared/data/presidio-research-synth/synth_dataset_v2.json")],
];

function runDataset(format: DatasetName, path: string, args: BenchArgs): DatasetResult {
  const options: RunOptions = { nlp: args.nlp, passes: args.passes };
  const shown = relative(REPO, path) || path;
  if (format === "scenarios") return runScenarios(parseScenarios(readFileSync(path, "utf8")).slice(0, args.limit), shown, options);
  if (format === "pupa") return runPupa(loadPupa(path, args.limit), shown, options);
  return runPresidio(loadPresidio(path, args.limit), shown, options);
}

function missingFileMessage(format: DatasetName, path: string, explicit: boolean): string {
  if (explicit) return `--data ${path} does not exist; nothing to measure.`;
  const where = format === "scenarios" ? "It ships with the repo." : "The shared data folder is expected next to the repo (../shared/data, see its SOURCE.md); it is read in place, never copied.";
  return `Skipping ${format}: ${path} does not exist. ${where}`;
}

function main(): number {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const jobs: Array<[DatasetName, string]> = args.data ? [[args.format ?? "scenarios", resolve(process.cwd(), args.data)]] : [...DEFAULT_DATA];
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
  if (args.json) console.log(JSON.stringify(combineResults(results)));
  else if (args.markdown) console.log(formatMarkdown(results));
  else console.log([`Privacy benchmark, ${new Date().toISOString()}, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2)} (shared 2-core machine)`, STEP5_NOTE, ...results.map((r) => formatDataset(r, args.showLeaks))].join("\n\n"));
  return args.data && results.length < jobs.length ? 1 : 0;
}

process.exitCode = main();
