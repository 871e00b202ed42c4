import { configDefaults, defineConfig } from "vitest/config";
import { MUTATION_GROUPS, currentGroup } from "./scripts/mutationGroups.mjs";

/**
 * The tests Stryker runs against each mutant of the promise-keeping code (stryker.config.mjs):
 * those of the group named by `MUTATION_GROUP` (scripts/mutationGroups.mjs), or every group's.
 * One project, not the three of vitest.config.ts: Stryker's vitest runner instruments one. The
 * e2e tests are left out (a browser per mutant is too slow); what they guard at the boundary is
 * also guarded by the integration tests listed in the groups.
 */
const group = currentGroup();
export const PROMISE_TESTS = group ? group.tests : [...new Set(MUTATION_GROUPS.flatMap((g) => g.tests))];

export default defineConfig({
  test: {
    include: PROMISE_TESTS.filter((t) => !t.startsWith("!")),
    exclude: [...configDefaults.exclude, ...PROMISE_TESTS.filter((t) => t.startsWith("!")).map((t) => t.slice(1))],
    environment: "node",
    // Generous: a niced run on a loaded machine gets a few percent of a core (the CLI's offline
    // test timed out at 120 s there); Stryker's own per-mutant timeout still applies.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    // One module graph for all test files and runs: word lists and lexicons load once, not once per
    // test file per mutant (the privacy groups' dry run: 111 s isolated, 57 s not). Safe because
    // Stryker switches mutants at run time (static mutants are ignored), and the module-level
    // caches the tests reach hold only what unmutated code computed (docs/TESTING.md).
    // MUTATION_ISOLATE=1 isolates again.
    isolate: process.env.MUTATION_ISOLATE === "1",
  },
});
