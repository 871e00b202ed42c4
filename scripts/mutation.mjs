// @ts-check
/**
 * `npm run test:mutation [-- group…] [-- --merge-only]`: runs Stryker once per group of the
 * promise scope (scripts/mutationGroups.mjs; all groups unless named), one after another, then
 * merges every group's report into reports/mutation/mutation.json and prints the score per group
 * and over the whole scope. A group whose run failed keeps its previous report, which is named as
 * such; a group never run is listed as missing, and the whole-scope score is then not printed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { MUTATION_GROUPS } from "./mutationGroups.mjs";

const args = process.argv.slice(2);
const mergeOnly = args.includes("--merge-only");
const named = args.filter((a) => !a.startsWith("--"));
const unknown = named.filter((n) => !MUTATION_GROUPS.some((g) => g.name === n));
if (unknown.length > 0) {
  const names = MUTATION_GROUPS.map((g) => g.name).join(", ");
  console.error(`Unknown mutation group ${unknown.join(", ")}; groups: ${names}`);
  process.exit(2);
}
const toRun = mergeOnly ? [] : named.length > 0 ? named : MUTATION_GROUPS.map((g) => g.name);

/** @type {string[]} */
const failed = [];
for (const name of toRun) {
  console.log(`\n=== mutation group ${name} ===`);
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs"], {
    stdio: "inherit",
    env: { ...process.env, MUTATION_GROUP: name },
  });
  if (run.status !== 0) failed.push(name);
}

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/** @param {any[]} mutants */
function tally(mutants) {
  /** @type {Record<string, number>} */
  const count = {};
  for (const m of mutants) count[m.status] = (count[m.status] ?? 0) + 1;
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const valid = detected + mutants.filter((m) => UNDETECTED.has(m.status)).length;
  // On a loaded machine a mutant can time out only because the machine was slow: this score
  // counts timeouts as not detected (a lower bound), beside Stryker's.
  const strict = valid === 0 ? NaN : (100 * (count.Killed ?? 0)) / valid;
  return { count, valid, score: valid === 0 ? NaN : (100 * detected) / valid, strict };
}

/**
 * A run that has not finished (or was stopped) has no report yet, only the mutant-log
 * (scripts/strykerMutantLog.mjs): its counts so far, marked as partial, never as the score.
 * @param {string} name
 */
function printPartial(name) {
  const log = `reports/mutation/${name}/mutants.jsonl`;
  if (!existsSync(log)) return console.log(`| ${name} | not run | | | | | | | | |`);
  const mutants = readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const t = tally(mutants);
  console.log(
    `| ${name} (PARTIAL: run not finished) | ${mutants.length} so far | ${t.count.Ignored ?? 0} | ${t.count.Killed ?? 0} | ` +
      `${t.count.Timeout ?? 0} | ${t.count.Survived ?? 0} | ${t.count.NoCoverage ?? 0} | not a score | | |`,
  );
}

/** @type {any} */
let merged;
console.log(
  "\n| group | mutants | ignored (static) | killed | timed out | survived | no coverage | score | score, timeouts as undetected | run time |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|");
/** @type {any[]} */
const all = [];
/** @type {string[]} */
const missing = [];
for (const group of MUTATION_GROUPS) {
  const file = `reports/mutation/${group.name}/mutation.json`;
  if (!existsSync(file)) {
    missing.push(group.name);
    printPartial(group.name);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  // Ids are numbered per run: prefix them with the group so the merged report stays consistent.
  /** @param {string} id */
  const id = (id) => `${group.name}:${id}`;
  const mutants = [];
  for (const [path, file] of Object.entries(report.files)) {
    for (const m of file.mutants) {
      m.id = id(m.id);
      if (m.coveredBy) m.coveredBy = m.coveredBy.map(id);
      if (m.killedBy) m.killedBy = m.killedBy.map(id);
      mutants.push(m);
    }
    merged ??= { ...report, files: {}, testFiles: {} };
    merged.files[path] = file;
  }
  for (const [path, testFile] of Object.entries(report.testFiles ?? {})) {
    const tests = testFile.tests.map((/** @type {any} */ t) => ({ ...t, id: id(t.id) }));
    const into = (merged.testFiles[path] ??= { ...testFile, tests: [] });
    into.tests.push(...tests);
  }
  all.push(...mutants);
  const t = tally(mutants);
  const perf = report.performance;
  const minutes = perf ? `${((perf.setup + perf.initialRun + perf.mutation) / 60_000).toFixed(0)} min` : "(in the log)";
  const stale = failed.includes(group.name) ? " (this run failed: previous report)" : "";
  console.log(
    `| ${group.name}${stale} | ${mutants.length} | ${t.count.Ignored ?? 0} | ${t.count.Killed ?? 0} | ` +
      `${t.count.Timeout ?? 0} | ${t.count.Survived ?? 0} | ${t.count.NoCoverage ?? 0} | ` +
      `${t.score.toFixed(1)} % | ${t.strict.toFixed(1)} % | ${minutes} |`,
  );
}
if (merged) {
  mkdirSync("reports/mutation", { recursive: true });
  writeFileSync("reports/mutation/mutation.json", JSON.stringify(merged));
}
if (missing.length > 0) {
  console.log(`No report yet for: ${missing.join(", ")} — no score over the whole scope.`);
} else {
  const t = tally(all);
  console.log(
    `whole scope: ${all.length} mutants, score ${t.score.toFixed(1)} % (${t.strict.toFixed(1)} % with timeouts as undetected)`,
  );
}
if (failed.length > 0) {
  console.error(`Stryker failed for: ${failed.join(", ")}`);
  process.exit(1);
}
