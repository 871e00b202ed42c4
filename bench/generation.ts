/**
 * Generation benchmark: tokens per second DELIVERED TO THE UI — the browser host's event stream
 * as a client reads it, and the CLI's stdout — over bare node-llama-cpp on the same model file,
 * context size, threads (the real core count), prompt, sampling and token count. Runs alternate
 * (bare, UI, CLI; then UI, CLI, bare; …) in one process tree, so a busy machine slows all three alike.
 * Also: time to first token (UI minus bare: what the host adds) and model load time.
 *
 *   npm run bench:generation                    # realistic ~0.47B model + stories260K, 64 tokens, 3 rounds
 *   npm run bench:generation -- --tokens 128 --rounds 5
 *   npm run bench:generation -- --json          # one JSON object on stdout (progress on stderr)
 *
 * The realistic model is written to bench/.out/ on first run (see generation/realisticModel.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SYSTEM_PROMPT } from "../app/pipeline/buildTurns";
import { defaultThreads } from "../native-models/LlamaRuntime";
import { loadBare } from "./generation/measureBare";
import { prepareCliData, runCli } from "./generation/measureCli";
import { startWebClient, type HostSettings, type WebRun } from "./generation/measureWebHost";
import { realisticModelPath } from "./generation/realisticModel";
import { firstTokenMs, tokensPerSecond, type RunTiming } from "./generation/RunTiming";

const STORIES = fileURLToPath(new URL("../../shared/models/stories260K.gguf", import.meta.url));
const PROMPT = "Write a short story about a lighthouse keeper who finds a message in a bottle.";
const CONTEXT_SIZE = 2048;
const TARGETS = { ratio: 0.97, firstTokenOverheadMs: 30 };

interface ModelResult {
  model: string;
  tokens: number;
  bareTokensPerSecond: number;
  uiTokensPerSecond: number;
  cliTokensPerSecond: number;
  ratio: number;
  cliRatio: number;
  bareFirstTokenMs: number;
  uiFirstTokenMs: number;
  firstTokenOverheadMs: number;
  cliLaunchToFirstTokenMs: number;
  /** Same answer, no machine noise between: UI-delivered tok/s ÷ the host's own meter at the model. */
  deliveryRatio: number;
  /** Same answer: UI first token minus the model's own time to first token (host work before + delivery). */
  hostAddedFirstTokenMs: number;
  bareLoadMs: number;
  loadMs: number;
  runs: { bare: number[]; ui: number[]; cli: number[] };
  loadAverage: string;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
/** A run that never ends (an event lost, a stuck native call) fails the bench, naming the step, instead of hanging it. */
const RUN_TIMEOUT_MS = 10 * 60_000;
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(
        () => reject(new Error(`${what}: no result after ${RUN_TIMEOUT_MS / 60_000} min`)),
        RUN_TIMEOUT_MS,
      )),
  );
  try {
    return await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
const must = (n: number | null, what: string) => {
  if (n === null) throw new Error(`No ${what}: the run produced fewer than two pieces of text.`);
  return n;
};

async function benchModel(name: string, path: string, tokens: number, rounds: number): Promise<ModelResult> {
  const threads = defaultThreads();
  const settings: HostSettings = { contextSize: CONTEXT_SIZE, threads, maxAnswerTokens: tokens };
  const dir = mkdtempSync(join(tmpdir(), "tandem-bench-generation-"));
  const before = loadavg()[0]!.toFixed(1);
  try {
    log(`${name}: ${tokens} tokens x ${rounds} rounds, context ${CONTEXT_SIZE}, ${threads} threads`);
    const bare = await loadBare(path, CONTEXT_SIZE, threads);
    log("  bare model loaded; starting the browser host");
    const web = await startWebClient(join(dir, "web"), path, settings);
    await prepareCliData(join(dir, "cli"), path, settings);
    try {
      // Warm-up: the host loads its model on the first message (timed as the UI sees it); both
      // evaluate the prompt once, so later runs reuse it alike.
      const warm = await step("warm-up, UI", () => web.run(PROMPT));
      await step("warm-up, bare", () => bare.run(SYSTEM_PROMPT, PROMPT, tokens));
      const runs = {
        bare: [] as RunTiming[],
        ui: [] as WebRun[],
        cli: [] as Array<RunTiming & { launchToFirstMs: number | null }>,
      };
      for (let round = 0; round < rounds; round++) {
        // The order rotates each round, so no way always runs right after the CLI's process exits.
        const ways = [
          async () =>
            void runs.bare.push(await step(`round ${round + 1}, bare`, () => bare.run(SYSTEM_PROMPT, PROMPT, tokens))),
          async () => void runs.ui.push(await step(`round ${round + 1}, UI`, () => web.run(PROMPT))),
          async () => void runs.cli.push(await step(`round ${round + 1}, CLI`, () => runCli(join(dir, "cli"), PROMPT))),
        ];
        for (let i = 0; i < ways.length; i++) await ways[(round + i) % ways.length]!();
        const last = (list: RunTiming[]) => round1(tokensPerSecond(list.at(-1)!));
        log(
          `  round ${round + 1}: bare ${last(runs.bare)} · UI ${last(runs.ui)} · CLI ${last(runs.cli)} tok/s (${runs.ui.at(-1)!.tokens} tokens)`,
        );
      }
      const tps = (list: RunTiming[]) => list.map((r) => must(tokensPerSecond(r), "tokens/s"));
      const ttft = (list: RunTiming[]) => median(list.map((r) => must(firstTokenMs(r), "first token")));
      const bareTps = median(tps(runs.bare));
      const uiTps = median(tps(runs.ui));
      const cliTps = median(tps(runs.cli));
      return {
        model: name,
        tokens: median(runs.ui.map((r) => r.tokens)),
        bareTokensPerSecond: round(bareTps, 2),
        uiTokensPerSecond: round(uiTps, 2),
        cliTokensPerSecond: round(cliTps, 2),
        ratio: round(uiTps / bareTps, 3),
        cliRatio: round(cliTps / bareTps, 3),
        bareFirstTokenMs: round(ttft(runs.bare)),
        uiFirstTokenMs: round(ttft(runs.ui)),
        firstTokenOverheadMs: round(ttft(runs.ui) - ttft(runs.bare)),
        deliveryRatio: round(
          median(
            runs.ui.map((r) => must(tokensPerSecond(r), "tokens/s") / must(r.modelTokensPerSecond, "host tokens/s")),
          ),
          3,
        ),
        hostAddedFirstTokenMs: round(
          median(
            runs.ui.map((r) => must(firstTokenMs(r), "first token") - must(r.modelFirstTokenMs, "host first token")),
          ),
        ),
        cliLaunchToFirstTokenMs: round(median(runs.cli.map((r) => must(r.launchToFirstMs, "CLI first token")))),
        bareLoadMs: round(bare.loadMs),
        loadMs: round(must(warm.loadMs, "model:loaded event")),
        runs: {
          bare: tps(runs.bare).map((n) => round(n, 2)),
          ui: tps(runs.ui).map((n) => round(n, 2)),
          cli: tps(runs.cli).map((n) => round(n, 2)),
        },
        loadAverage: `${before} → ${loadavg()[0]!.toFixed(1)}`,
      };
    } finally {
      await web.close();
      await bare.dispose();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round1(n: number | null): string {
  return n === null ? "?" : n.toFixed(1);
}

function verdict(ok: boolean): string {
  return ok ? "PASS" : "MISS";
}

function report(results: ModelResult[]): void {
  console.log(
    `\nGeneration benchmark on ${availableParallelism()} cores (medians; UI = the browser host's event stream read by a client)\n`,
  );
  console.log(
    "| model | tokens | bare tok/s | UI tok/s | CLI tok/s | UI ÷ bare | CLI ÷ bare | UI ÷ host meter, same answer | first token bare / UI ms | overhead ms (vs bare / vs host meter) | load ms (host / bare) | CLI launch → first token ms | load avg |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.model} | ${r.tokens} | ${r.bareTokensPerSecond} | ${r.uiTokensPerSecond} | ${r.cliTokensPerSecond} | ${r.ratio} | ${r.cliRatio} | ${r.deliveryRatio} | ${r.bareFirstTokenMs} / ${r.uiFirstTokenMs} | ${r.firstTokenOverheadMs} / ${r.hostAddedFirstTokenMs} | ${r.loadMs} / ${r.bareLoadMs} | ${r.cliLaunchToFirstTokenMs} | ${r.loadAverage} |`,
    );
  }
  const main = results[0]!;
  console.log(
    `\nrealistic model: ratio ${main.ratio} (target ≥ ${TARGETS.ratio}: ${verdict(main.ratio >= TARGETS.ratio)}), first-token overhead ${main.firstTokenOverheadMs} ms (target < ${TARGETS.firstTokenOverheadMs}: ${verdict(main.firstTokenOverheadMs < TARGETS.firstTokenOverheadMs)})`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tokens: { type: "string" },
      rounds: { type: "string" },
      json: { type: "boolean" },
      "skip-stories": { type: "boolean" },
    },
  });
  const tokens = Number(values.tokens ?? 64);
  const rounds = Number(values.rounds ?? 3);
  if (!(Number.isInteger(tokens) && tokens >= 16 && Number.isInteger(rounds) && rounds >= 1))
    throw new Error("Need --tokens >= 16 (the host's minimum answer length) and --rounds >= 1, whole numbers.");
  const results = [
    await benchModel("realistic ~0.47B F32 (random weights)", await realisticModelPath(log), tokens, rounds),
  ];
  if (!values["skip-stories"])
    results.push(await benchModel("stories260K (worst case per token)", STORIES, tokens, rounds));
  const [main, stories] = results as [ModelResult, ModelResult | undefined];
  if (values.json) {
    const { ratio, uiTokensPerSecond, bareTokensPerSecond, firstTokenOverheadMs, loadMs } = main;
    console.log(
      JSON.stringify({
        bench: "generation",
        ratio,
        uiTokensPerSecond,
        bareTokensPerSecond,
        firstTokenOverheadMs,
        loadMs,
        targets: TARGETS,
        cores: availableParallelism(),
        realistic: main,
        stories260K: stories ?? null,
      }),
    );
  } else report(results);
}

await main();
