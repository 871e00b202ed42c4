import { defineConfig } from "vitest/config";

/** The tests that exercise the egress gate and the browser host (stryker.boundary.config.mjs). */
export default defineConfig({
  test: {
    include: [
      "test/unit/egress/**/*.test.ts",
      "test/unit/main/web/**/*.test.ts",
      "test/integration/web/**/*.test.ts",
      "test/integration/privacy/everyRequestIsLogged.test.ts",
      "test/integration/pipeline/scriptedSketch.test.ts",
    ],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
