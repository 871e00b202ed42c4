// @ts-check
/**
 * `npm run test:mutation:boundary`: only the egress gate and the browser host, with only the
 * tests that exercise them — the scope that must keep no surviving mutant (docs/TESTING.md).
 */
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ["app/egress/**/*.ts", "main/web/**/*.ts", "!main/web/index.ts"],
  vitest: { configFile: "vitest.mutation.boundary.config.ts" },
  incrementalFile: "reports/mutation/stryker-incremental-boundary.json",
};
