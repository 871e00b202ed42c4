/**
 * The routing benchmark (issue #16, "Measure it"): Auto vs Hybrid over privacy scenarios, both
 * sending through the real egress gate and OpenAI SDK to recording servers on 127.0.0.1, leaks
 * counted on the bytes those servers received. See docs/BENCHMARKS.md ("Routing").
 *
 *   npm run bench:routing -- [--data <file.jsonl>] [--rows a-b] [--no-nlp] [--no-context] [--json]
 *   npm run bench:routing -- --warm-up     (the first decision cold vs after the background warm-up)
 *
 * --no-nlp turns off the engine's names step everywhere (sanitizer, gate, routing): it stands in
 * for an engine that misses what it has not seen, which our own scenarios (written with the
 * engine) no longer show. --no-context leaves the scenario's profile and notes out of the vault,
 * as the privacy proxy (issue #13) sees a message.
 *
 * Default data: test/fixtures/privacy/scenarios.jsonl, reported as its two halves (rows
 * 1–25, 26–50) and in total. A file given with --data is reported whole. --rows a-b (1-based,
 * inclusive, counted over the file's scenario lines) runs only those rows: a dev set's tuning half
 * and its check half are measured separately (dev2.jsonl: develop on 1–20, report 21–40).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { preparePrivacyEngine } from "../app/privacy";
import { startRecordingCloud, type RecordingCloud } from "../test/helpers/recordingCloud";
import { parseScenarios, type Scenario } from "./privacy/scenarioSchema";
import { formatRouting } from "./routing/formatRouting";
import { runRouting, type Recorder, type RoutingResult } from "./routing/runRouting";
import { createCloudSender, type CloudSender } from "./routing/sendToCloud";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_DATA = resolve(REPO, "test/fixtures/privacy/scenarios.jsonl");
const USAGE =
  "Usage: npm run bench:routing -- [--data <scenarios.jsonl>] [--rows a-b] [--no-nlp] [--no-context] [--json] | --warm-up";

function recorder(cloud: RecordingCloud): Recorder {
  return {
    count: () => cloud.requests.length,
    receivedSince: (n) =>
      cloud.requests
        .slice(n)
        .map((r) => r.raw)
        .join("\n"),
  };
}

function halves(scenarios: readonly Scenario[], shown: string): Array<[string, Scenario[]]> {
  const mid = Math.ceil(scenarios.length / 2);
  return [
    [`${shown}, first half (rows 1–${mid})`, scenarios.slice(0, mid)],
    [`${shown}, second half (rows ${mid + 1}–${scenarios.length})`, scenarios.slice(mid)],
    [`${shown}, all`, [...scenarios]],
  ];
}

/** Rows `a-b` (1-based, inclusive) of the file, labelled with them; a clear error when out of range. */
function selectRows(scenarios: readonly Scenario[], spec: string, shown: string): [string, Scenario[]] {
  const match = /^(\d+)-(\d+)$/.exec(spec);
  const [from, to] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(from >= 1 && to >= from && to <= scenarios.length))
    throw new Error(`--rows ${spec}: expected a-b with 1 ≤ a ≤ b ≤ ${scenarios.length} (the file's scenario count).`);
  return [`${shown}, rows ${from}–${to}`, scenarios.slice(from - 1, to)];
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: {
        data: { type: "string" },
        rows: { type: "string" },
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
  const path = values.data ? resolve(process.cwd(), values.data) : DEFAULT_DATA;
  let scenarios: Scenario[];
  try {
    scenarios = parseScenarios(readFileSync(path, "utf8"));
  } catch (error) {
    console.error(`Cannot read ${path}: ${(error as Error).message}\nNothing was measured.`);
    return 1;
  }
  const shown = relative(REPO, path) || path;
  let jobs: Array<[string, Scenario[]]>;
  try {
    jobs = values.rows
      ? [selectRows(scenarios, values.rows, shown)]
      : values.data
        ? [[shown, scenarios]]
        : halves(scenarios, shown);
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
    for (const [label, set] of jobs) {
      results.push(
        await runRouting(label, set, {
          hybrid: [senders[0]!, recorder(clouds[0]!)],
          auto: [senders[1]!, recorder(clouds[1]!)],
          nlp,
          context: !values["no-context"],
        }),
      );
    }
    console.log(
      values.json
        ? JSON.stringify(results)
        : `Routing benchmark, ${new Date().toISOString()}, Node ${process.version}${nlp ? "" : ", names step off (--no-nlp)"}${values["no-context"] ? ", no private context registered (--no-context)" : ""}\n\n${formatRouting(results)}`,
    );
    return 0;
  } finally {
    senders.forEach((s) => s.close());
    await Promise.all(clouds.map((c) => c.close()));
  }
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
