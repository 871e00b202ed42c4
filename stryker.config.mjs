// @ts-check
/**
 * Mutation testing (issue 15): Stryker changes the code that keeps Tandem's promises one small
 * bug at a time and runs the tests that cover it; a mutant no test notices is a promise no test
 * guards. `npm run test:mutation` mutates the whole scope below (slow: run it before a release or
 * after changing that code); `npm run test:mutation:boundary` only the egress gate and the browser
 * host, the two folders that must have no surviving mutant. Reports: reports/mutation/.
 * Concurrency 1: the machine's cores are shared, and the integration tests use SQLite files and
 * llama.cpp, which do not like to be run twice at once.
 */

/** The code that keeps a privacy or security promise (see docs/TESTING.md). */
export const PROMISE_CODE = [
  "app/egress/**/*.ts",
  "app/privacy/detect.ts",
  "app/privacy/sanitize.ts",
  "app/privacy/restore.ts",
  "app/privacy/PrivacyVault.ts",
  "app/privacy/normalize.ts",
  "app/pipeline/hybrid/**/*.ts",
  "app/pipeline/cloud/**/*.ts",
  "app/store/cipher.ts",
  "app/store/encryptInPlace.ts",
  "main/web/**/*.ts",
  "!main/web/index.ts",
  "main/electron/hardenElectron.ts",
  "main/electron/security.ts",
  "main/cli/commands/chat.ts",
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: PROMISE_CODE,
  coverageAnalysis: "perTest",
  concurrency: 1,
  timeoutMS: 60_000,
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  reporters: ["json", "html", "clear-text", "progress"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
