import { defineConfig } from "vitest/config";

// Three projects split by what a test needs (see docs/TESTING.md):
// unit = pure and fast; integration = real SQLite, real llama.cpp on a tiny model, real HTTP on
// 127.0.0.1; e2e = the browser host driven in Chromium (Debian's, else the one @sparticuz/chromium ships).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
          // The first privacy test in a file loads the word lists (1–3 s of one core when idle; far
          // more on a busy 2-core machine). Speed is checked by the benchmarks, never by a timeout.
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // llama.cpp and the machine's 2 cores: one file at a time keeps timings sane.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/support/globalSetup.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A UI change waits for the host and a render: well over vitest's 1 s default for
          // expect.poll on a busy 2-core machine (CI failed a 1 s poll while the host saved a key).
          // A poll still ends as soon as its condition holds.
          expect: { poll: { timeout: 20_000 } },
        },
      },
    ],
  },
});
