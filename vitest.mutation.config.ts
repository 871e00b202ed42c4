import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against each mutant of the promise-keeping code (stryker.config.mjs).
 * One project, not the three of vitest.config.ts: Stryker's vitest runner instruments one. The
 * e2e tests are left out (a browser per mutant is too slow); what they guard at the boundary is
 * also guarded by the integration tests listed here.
 */
export const PROMISE_TESTS = [
  "test/unit/egress/**/*.test.ts",
  "test/unit/main/web/**/*.test.ts",
  "test/unit/privacy/**/*.test.ts",
  "test/unit/pipeline/hybrid/**/*.test.ts",
  "test/unit/pipeline/cloud/**/*.test.ts",
  "test/integration/store/encryption.test.ts",
  "test/unit/main/electron/hardenElectron.test.ts",
  "test/unit/main/electron/security.test.ts",
  "test/unit/main/electron/sessionRequests.test.ts",
  "test/unit/main/electron/mainHardening.test.ts",
  "test/integration/web/**/*.test.ts",
  "test/integration/privacy/egressRecording.test.ts",
  "test/integration/privacy/everyRequestIsLogged.test.ts",
  "test/integration/pipeline/scriptedSketch.test.ts",
  "test/integration/hybrid/**/*.test.ts",
  "test/integration/store/encryptedDataDir.test.ts",
  "test/integration/store/apiKeyNotInDatabase.test.ts",
  "test/integration/cli/cliOffline.test.ts",
];

export default defineConfig({
  test: {
    include: PROMISE_TESTS,
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
