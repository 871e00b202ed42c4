// @ts-check
/**
 * Mutation testing (issue 15): Stryker changes the code that keeps Tandem's promises one small
 * bug at a time and runs the tests that cover it; a mutant no test notices is a promise no test
 * guards. `npm run test:mutation` (scripts/mutation.mjs) runs the scope group by group
 * (scripts/mutationGroups.mjs), one Stryker run per group with `MUTATION_GROUP` set, and merges
 * the groups' reports into reports/mutation/mutation.json. Without `MUTATION_GROUP` this config
 * mutates the whole scope in one run with every group's tests.
 * Concurrency 1: the machine's cores are shared, and the integration tests use SQLite files and
 * llama.cpp, which do not like to be run twice at once.
 */
import { MUTATION_GROUPS, currentGroup } from "./scripts/mutationGroups.mjs";

const group = currentGroup();
const out = group ? `reports/mutation/${group.name}` : "reports/mutation/all";

/** The code that keeps a privacy or security promise (see docs/TESTING.md). */
export const PROMISE_CODE = group ? group.mutate : MUTATION_GROUPS.flatMap((g) => g.mutate);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner", "./scripts/strykerMutantLog.mjs"],
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: PROMISE_CODE,
  coverageAnalysis: "perTest",
  // A mutant in code that runs once at load (a word list, a table of patterns) is "static": every
  // test would have to run for it. Those are left out of the score rather than run.
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 60_000,
  // The first run of all tests takes minutes when the machine is busy (default limit: 5).
  dryRunTimeoutMinutes: 60,
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  reporters: ["json", "html", "clear-text", "progress", "mutant-log"],
  jsonReporter: { fileName: `${out}/mutation.json` },
  htmlReporter: { fileName: `${out}/mutation.html` },
  // Another group's sandbox, reports and scratch files are not part of the project to copy.
  ignorePatterns: [
    ".stryker-tmp",
    "reports",
    ".scratch",
    "bench/.out",
    "test/.cache/sparticuz-*",
    "test/e2e/screenshots",
  ],
  tempDirName: `.stryker-tmp/${group ? group.name : "all"}`,
  cleanTempDir: "always",
};
