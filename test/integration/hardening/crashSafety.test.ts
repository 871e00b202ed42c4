import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../../native-models/gguf/seededRandom";
import { getTinyModelPath } from "../../helpers/tinyModel";
import { CrashLedger } from "./support/CrashLedger";
import { buildCrashChild, runCrashChild, type ChildLine, type KillPlan } from "./support/runCrashChild";

/** Cycles and seed are overridable to hunt a failure: TANDEM_CRASH_CYCLES=500 TANDEM_CRASH_SEED=7. */
const CYCLES = Number(process.env.TANDEM_CRASH_CYCLES ?? 50);
const SEED = Number(process.env.TANDEM_CRASH_SEED ?? 20261127);

/** A third of the kills land while the host starts (migrations, marking interrupted answers), a third during writes, a third while an answer streams. */
function planKill(random: () => number): KillPlan {
  const phase = random();
  if (phase < 1 / 3) return { after: "spawn", delayMs: Math.round(50 + random() * 750) };
  if (phase < 2 / 3) return { after: "ready", delayMs: Math.round(random() * 700) };
  return { after: "token", delayMs: Math.round(random() * 1600) };
}

const typed = (lines: ChildLine[], type: string) => lines.filter((l) => l.type === type);

describe("a host killed with SIGKILL at random points", () => {
  let dir: string;
  let bundle: string;
  let model: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-crash-"));
    [bundle, model] = await Promise.all([buildCrashChild(), getTinyModelPath({ endsAnswers: false })]);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps an intact store, every sent message and every interrupted answer across ${CYCLES} kills`, async () => {
    // Seeded (mulberry32), so a failing schedule of kills can be replayed.
    const random = seededRandom(SEED);
    const ledger = new CrashLedger();
    const totals = { checks: 0, interrupted: 0, flushProven: 0, sent: 0, renamed: 0, killedDuringStream: 0 };
    const started = Date.now();
    for (let cycle = 0; cycle <= CYCLES; cycle++) {
      // The last run is not killed by plan: it only has to report what the last kill left.
      const plan: KillPlan = cycle < CYCLES ? planKill(random) : { after: "ready", delayMs: 0 };
      const run = await runCrashChild(bundle, [join(dir, "data"), model], plan);
      const context = `cycle ${cycle} (${plan.after}+${plan.delayMs} ms), stderr: ${run.stderr.slice(-2000)}`;
      expect(typed(run.lines, "error"), context).toEqual([]);
      expect(run.signal, context).toBe("SIGKILL");
      for (const integrity of typed(run.lines, "integrity")) expect(integrity.result, context).toBe("ok");
      const [state] = typed(run.lines, "state");
      if (state) {
        const result = ledger.check(state.conversations as Parameters<CrashLedger["check"]>[0]);
        expect(result.problems, context).toEqual([]);
        totals.checks++;
        totals.interrupted += result.interruptedChecked;
        totals.flushProven += result.flushProven;
      }
      ledger.record(run.lines);
      totals.sent += typed(run.lines, "sent").length;
      totals.renamed += typed(run.lines, "renamed").length;
      if (typed(run.lines, "token").length > 0) totals.killedDuringStream++;
    }
    console.info(
      `crash safety: ${CYCLES} kills in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}):`,
      totals,
    );
    // The schedule must actually have exercised what it claims to (not only kills at start-up).
    expect(totals.killedDuringStream).toBeGreaterThanOrEqual(CYCLES / 5);
    expect(totals.interrupted).toBeGreaterThanOrEqual(CYCLES / 5);
    expect(totals.flushProven).toBeGreaterThanOrEqual(1);
    expect(totals.renamed).toBeGreaterThan(CYCLES);
  }, 240_000);
});
