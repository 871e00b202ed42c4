// @ts-check
/**
 * The promise scope of `npm run test:mutation`, split into groups that Stryker runs one after
 * another (scripts/mutation.mjs). Each group is a measured result of its own: its own
 * incremental file and JSON report under reports/mutation/<group>/, so a run that stops half-way
 * loses nothing and a rerun only tests what changed. Each group runs the tests that guard its
 * promises (docs/TESTING.md, "Mutation testing"); a score from fewer tests is a lower bound.
 */

/** @typedef {{ name: string, mutate: string[], tests: string[] }} MutationGroup */

/**
 * The privacy engine's unit tests and the gate's, without two slow sweeps over the privacy
 * fixtures (the gate's fixpoint on every scenario and on random text; disguised context terms in
 * every frame): each takes seconds per mutant, and on a shared 2-core machine they made these
 * groups take hours. A score without them is a lower bound.
 */
const PRIVACY_TESTS = [
  "test/unit/privacy/**/*.test.ts",
  "!test/unit/privacy/gateFixpoint.test.ts",
  "!test/unit/privacy/disguisedContextTerms.test.ts",
  "test/unit/egress/**/*.test.ts",
];

/**
 * The Hybrid and Cloud pipeline's unit tests, the scripted-sketch test and the Hybrid integration
 * tests on llama.cpp's tiny model — without hybridFaults (below) and the two sweeps over the privacy fixtures
 * (hybridScenarios: about 200 scenario runs; properNouns), which test the privacy engine through
 * the pipeline and would run for every mutant the pipeline's shared code has. Lower bound.
 */
const PIPELINE_TESTS = [
  "test/unit/pipeline/hybrid/**/*.test.ts",
  "test/unit/pipeline/cloud/**/*.test.ts",
  "test/integration/pipeline/scriptedSketch.test.ts",
  "test/integration/hybrid/**/*.test.ts",
  "!test/integration/hybrid/hybridScenarios.test.ts",
  "!test/integration/hybrid/properNouns.test.ts",
  // hybridFaults gives its cloud 0.3 s before "a hang past the timeout": on a loaded machine the
  // instrumented 401/404 replies took longer and three dry runs failed.
  "!test/integration/hybrid/hybridFaults.test.ts",
];

/** @type {MutationGroup[]} */
export const MUTATION_GROUPS = [
  {
    name: "boundary",
    mutate: ["app/egress/**/*.ts", "main/web/**/*.ts", "!main/web/index.ts"],
    tests: [
      "test/unit/egress/**/*.test.ts",
      "test/unit/main/web/**/*.test.ts",
      "test/integration/web/**/*.test.ts",
      "test/integration/privacy/everyRequestIsLogged.test.ts",
      "test/integration/pipeline/scriptedSketch.test.ts",
    ],
  },
  {
    name: "detect",
    mutate: ["app/privacy/detect.ts"],
    tests: PRIVACY_TESTS,
  },
  {
    name: "sanitize",
    mutate: ["app/privacy/sanitize.ts", "app/privacy/restore.ts"],
    tests: PRIVACY_TESTS,
  },
  {
    name: "vault",
    mutate: ["app/privacy/PrivacyVault.ts"],
    tests: PRIVACY_TESTS,
  },
  {
    name: "normalize",
    mutate: ["app/privacy/normalize.ts"],
    tests: PRIVACY_TESTS,
  },
  {
    name: "answerRun",
    mutate: ["app/pipeline/hybrid/AnswerRun.ts"],
    tests: PIPELINE_TESTS,
  },
  {
    name: "gaps",
    mutate: [
      "app/pipeline/hybrid/fillGaps.ts",
      "app/pipeline/hybrid/findGaps.ts",
      "app/pipeline/hybrid/fitToTokens.ts",
    ],
    tests: PIPELINE_TESTS,
  },
  {
    name: "strategies",
    mutate: [
      "app/pipeline/hybrid/runCloudOutline.ts",
      "app/pipeline/hybrid/runSketchRefine.ts",
      "app/pipeline/hybrid/sanitizeForCloud.ts",
      "app/pipeline/hybrid/sendThroughGate.ts",
    ],
    tests: PIPELINE_TESTS,
  },
  {
    name: "hybridRest",
    mutate: [
      "app/pipeline/hybrid/**/*.ts",
      "!app/pipeline/hybrid/AnswerRun.ts",
      "!app/pipeline/hybrid/fillGaps.ts",
      "!app/pipeline/hybrid/findGaps.ts",
      "!app/pipeline/hybrid/fitToTokens.ts",
      "!app/pipeline/hybrid/runCloudOutline.ts",
      "!app/pipeline/hybrid/runSketchRefine.ts",
      "!app/pipeline/hybrid/sanitizeForCloud.ts",
      "!app/pipeline/hybrid/sendThroughGate.ts",
    ],
    tests: PIPELINE_TESTS,
  },
  {
    name: "cloud",
    mutate: ["app/pipeline/cloud/**/*.ts"],
    tests: PIPELINE_TESTS,
  },
  {
    name: "store",
    mutate: ["app/store/cipher.ts", "app/store/encryptInPlace.ts"],
    tests: [
      "test/integration/store/encryption.test.ts",
      "test/integration/store/encryptedDataDir.test.ts",
      "test/integration/store/apiKeyNotInDatabase.test.ts",
      "test/integration/secrets/DatabaseKeyStore.test.ts",
      "test/unit/store/cipher.test.ts",
    ],
  },
  {
    name: "electron",
    mutate: ["main/electron/hardenElectron.ts", "main/electron/security.ts"],
    tests: [
      "test/unit/main/electron/hardenElectron.test.ts",
      "test/unit/main/electron/security.test.ts",
      "test/unit/main/electron/sessionRequests.test.ts",
      "test/unit/main/electron/mainHardening.test.ts",
    ],
  },
  {
    name: "cli",
    mutate: ["main/cli/commands/chat.ts"],
    tests: [
      "test/unit/main/cli/commands/chat.test.ts",
      "test/integration/cli/cliOffline.test.ts",
      "test/integration/cli/cliChatInProcess.test.ts",
    ],
  },
];

/** The group Stryker runs now (`MUTATION_GROUP`), or undefined for the whole scope in one run. */
export function currentGroup() {
  const name = process.env.MUTATION_GROUP;
  if (!name) return undefined;
  const group = MUTATION_GROUPS.find((g) => g.name === name);
  if (!group) {
    const names = MUTATION_GROUPS.map((g) => g.name).join(", ");
    throw new Error(`MUTATION_GROUP=${name} is not a group; pick one of: ${names}`);
  }
  return group;
}
