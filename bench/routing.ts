/**
 * The routing benchmark (issue #16, "Measure it"): Auto vs Hybrid over privacy scenarios, both
 * sending through the real egress gate and OpenAI SDK to recording servers on 127.0.0.1, leaks
 * counted on the bytes those servers received. See docs/BENCHMARKS.md ("Routing").
 *
 *   npm run bench:routing -- [--data <file>] [--format scenarios|pupa|presidio] [--rows a-b]
 *                            [--no-nlp] [--no-context] [--show-leaks] [--json]
 *   npm run bench:routing -- --warm-up     (the first decision cold vs after the background warm-up)
 *
 * --no-nlp turns off the engine's names step everywhere (sanitizer, gate, routing): it stands in
 * for an engine that misses what it has not seen, which our own scenarios (written with the
 * engine) no longer show. --no-context leaves the scenario's profile and notes out of the vault,
 * as the privacy proxy (issue #13) sees a message.
 *
 * Default data: test/fixtures/privacy/scenarios.jsonl, reported as its two halves (rows
 * 1–25, 26–50) and in total. A scenario file given with --data is reported whole. --rows a-b (1-based,
 * inclusive, counted over the file's scenario lines) runs only those rows: a dev set's tuning half
 * and its check half are measured separately (dev2.jsonl: develop on 1–20, report 21–40).
 *
 * --format pupa (default file ../shared/data/pupa/PUPA_New_rows0-299.csv) and --format presidio
 * (../shared/data/presidio-research-synth/synth_dataset_v2.json): each record is one English
 * message without context, reported as its two halves side by side (PUPA rows 0–149 | 150–299,
 * Presidio ids 0–749 | 750–1499) and in total; there --rows a-b takes the data set's own 0-based
 * row indices. PUPA is real user data: --show-leaks shows its leaks as letter/digit masks only.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { preparePrivacyEngine } from "../app/privacy";
import { startRecordingCloud } from "../test/helpers/recordingCloud";
import { parseScenarios } from "./privacy/scenarioSchema";
import { formatRouting } from "./routing/formatRouting";
import { fromScenario, presidioCases, pupaCases, type RoutingCase } from "./routing/routingCases";
import { combineRouting, recorder, runRouting, type Recorder, type RoutingResult } from "./routing/runRouting";
import { createCloudSender, type CloudSender } from "./routing/sendToCloud";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_DATA = {
  scenarios: resolve(REPO, "test/fixtures/privacy/scenarios.jsonl"),
  pupa: resolve(REPO, "../shared/data/pupa/PUPA_New_rows0-299.csv"),
  presidio: resolve(REPO, "../shared/data/presidio-research-synth/synth_dataset_v2.json"),
};
type Format = keyof typeof DEFAULT_DATA;
const USAGE =
  "Usage: npm run bench:routing -- [--data <file>] [--format scenarios|pupa|presidio] [--rows a-b] [--no-nlp] [--no-context] [--show-leaks] [--json] | --warm-up";

/** A labelled set of messages to run; `parts` are run one by one and reported summed (the halves of "all"). */
type Job = [string, RoutingCase[]] | [string, Array<[string, RoutingCase[]]>];

function halves(scenarios: readonly RoutingCase[], shown: string): Array<[string, RoutingCase[]]> {
  const mid = Math.ceil(scenarios.length / 2);
  return [
    [`${shown}, first half (rows 1–${mid})`, scenarios.slice(0, mid)],
    [`${shown}, second half (rows ${mid + 1}–${scenarios.length})`, scenarios.slice(mid)],
    [`${shown}, all`, [...scenarios]],
  ];
}

function parseRange(spec: string, min: number, max: number): [number, number] {
  const match = /^(\d+)-(\d+)$/.exec(spec);
  const [from, to] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(from >= min && to >= from && to <= max))
    throw new Error(`--rows ${spec}: expected a-b with ${min} ≤ a ≤ b ≤ ${max} (the file's rows).`);
  return [from, to];
}

/** Rows `a-b` (1-based, inclusive) of the file, labelled with them; a clear error when out of range. */
function selectRows(scenarios: readonly RoutingCase[], spec: string, shown: string): [string, RoutingCase[]] {
  const [from, to] = parseRange(spec, 1, scenarios.length);
  return [`${shown}, rows ${from}–${to}`, scenarios.slice(from - 1, to)];
}

/**
 * PUPA or Presidio records by their own 0-based index: rows a-b, or the data set's two halves
 * (PUPA's split at row 150, Presidio's at the middle id, as bench:privacy reports them) and both.
 */
function indexedJobs(
  cases: ReadonlyArray<RoutingCase & { index: number }>,
  rows: string | undefined,
  shown: string,
): Job[] {
  const last = cases.length - 1;
  if (rows) {
    const [from, to] = parseRange(rows, 0, last);
    return [[`${shown}, rows ${from}–${to}`, cases.filter((c) => c.index >= from && c.index <= to)]];
  }
  const mid = Math.ceil(cases.length / 2);
  const parts: Array<[string, RoutingCase[]]> = [
    [`${shown}, rows 0–${mid - 1}`, cases.slice(0, mid)],
    [`${shown}, rows ${mid}–${last}`, cases.slice(mid)],
  ];
  return [...parts, [`${shown}, all (the two halves summed)`, parts]];
}

function formatOf(format: string | undefined, data: string | undefined): Format {
  if (format === undefined)
    return data && data.endsWith(".csv") ? "pupa" : data?.endsWith(".json") ? "presidio" : "scenarios";
  if (!(format in DEFAULT_DATA)) throw new Error(`--format must be one of scenarios, pupa, presidio, got "${format}".`);
  return format as Format;
}

/** The messages to run and how to label them; throws a message for the user on bad input. */
function loadJobs(format: Format, path: string, explicit: boolean, rows: string | undefined): Job[] {
  const shown = relative(REPO, path) || path;
  let cases: Array<RoutingCase & { index?: number }>;
  try {
    if (format === "pupa") cases = pupaCases(path);
    else if (format === "presidio") cases = presidioCases(path);
    else cases = parseScenarios(readFileSync(path, "utf8")).map(fromScenario);
  } catch (error) {
    throw new Error(`Cannot read ${path} as ${format}: ${(error as Error).message}\nNothing was measured.`, {
      cause: error,
    });
  }
  if (format !== "scenarios") return indexedJobs(cases as Array<RoutingCase & { index: number }>, rows, shown);
  if (rows) return [selectRows(cases, rows, shown)];
  return explicit ? [[shown, cases]] : halves(cases, shown);
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: {
        data: { type: "string" },
        format: { type: "string" },
        rows: { type: "string" },
        "show-leaks": { type: "boolean" },
        json: { type: "boolean" },
        "no-nlp": { type: "boolean" },
        "no-context": { type: "boolean" },
        "warm-up": { type: "boolean" },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values["warm-up"]) return measureWarmUp();
  let jobs: Job[];
  try {
    const format = formatOf(values.format, values.data);
    const path = values.data ? resolve(process.cwd(), values.data) : DEFAULT_DATA[format];
    jobs = loadJobs(format, path, values.data !== undefined, values.rows);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  preparePrivacyEngine();
  const clouds = [await startRecordingCloud(), await startRecordingCloud()];
  const nlp = !values["no-nlp"];
  const senders: CloudSender[] = clouds.map((c) => createCloudSender(c.baseUrl, nlp));
  try {
    const results: RoutingResult[] = [];
    const options = {
      hybrid: [senders[0]!, recorder(clouds[0]!)] as [CloudSender, Recorder],
      auto: [senders[1]!, recorder(clouds[1]!)] as [CloudSender, Recorder],
      nlp,
      context: !values["no-context"],
    };
    const done = new Map<string, RoutingResult>();
    for (const [label, set] of jobs) {
      const result = isSummed(set)
        ? combineRouting(
            label,
            set.map(([part]) => done.get(part)!),
          )
        : await runRouting(label, set, options);
      done.set(label, result);
      results.push(result);
    }
    console.log(
      values.json
        ? JSON.stringify(results)
        : `Routing benchmark, ${new Date().toISOString()}, Node ${process.version}${nlp ? "" : ", names step off (--no-nlp)"}${values["no-context"] ? ", no private context registered (--no-context)" : ""}\n\n${formatRouting(results, values["show-leaks"] ?? false)}`,
    );
    return 0;
  } finally {
    senders.forEach((s) => s.close());
    await Promise.all(clouds.map((c) => c.close()));
  }
}

function isSummed(set: RoutingCase[] | Array<[string, RoutingCase[]]>): set is Array<[string, RoutingCase[]]> {
  return Array.isArray(set[0]);
}

/** Each measurement in a fresh process (a cold start cannot be repeated in one), one after another. */
function measureWarmUp(): number {
  const script = resolve(REPO, "bench/routing/measureWarmUp.ts");
  console.log(`Auto warm-up, ${new Date().toISOString()}, Node ${process.version}\n`);
  console.log(
    "| locale | first decision, cold | warm-up steps (each blocks the event loop once) | first decision after warm-up | RSS after warm-up |",
  );
  console.log("|---|---:|---|---:|---:|");
  for (const locale of ["en-US", "de-DE", "fr-FR"]) {
    const run = (mode: string) =>
      JSON.parse(
        execFileSync(process.execPath, ["--import", "tsx", script, mode, locale], { cwd: REPO, encoding: "utf8" }),
      ) as {
        firstDecisionMs: number;
        steps: Array<{ name: string; ms: number }>;
        rssReady: number;
        rssEnd: number;
        rssStart: number;
      };
    const cold = run("cold");
    const warm = run("warm");
    const steps = warm.steps.map((s) => `${s.name} ${Math.round(s.ms)} ms`).join(", ");
    console.log(
      `| ${locale} | ${Math.round(cold.firstDecisionMs)} ms (RSS +${cold.rssEnd - cold.rssStart} MB) | ${steps} | ${Math.round(warm.firstDecisionMs)} ms | +${warm.rssReady - warm.rssStart} MB |`,
    );
  }
  return 0;
}

process.exitCode = await main();
