/**
 * Privacy-proxy benchmark (issue #13): the latency the proxy adds to an OpenAI-style streaming
 * request — to the first token and to the end — and the throughput, at 1, 8 and 32 concurrent
 * clients, against a local upstream that streams at a fixed rate. Target: first-token overhead
 * p95 < 15 ms at 8 KB requests and 8 clients.
 *
 *   npm run bench:proxy -- [--requests N] [--kb 8] [--turns 4] [--json]
 *
 * The real path: a Tandem host (temp data dir, real SQLite, the one egress gate and audit log)
 * with its proxy server on 127.0.0.1, clients using fetch. Each level runs once straight to the
 * upstream ("direct") and once through the proxy; the overhead is proxy minus direct at the same
 * percentile. Every request is a new conversation (a new vault), as an app's first turn is. The
 * 8 KB user message is made of the English privacy scenarios (every private item included).
 * A last row runs 8 clients through multi-turn chats (--turns, default 4; 1 = none): each turn
 * sends the whole history again, as chat apps do, and the row reports the last turn.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { AuditLog, EgressGate } from "../app/egress";
import { PrivacyVault, sanitize } from "../app/privacy";
import { Store } from "../app/store/Store";
import { createHost } from "../main/host/createHost";
import { startRecordingCloud } from "../test/helpers/recordingCloud";
import { parseScenarios } from "./privacy/scenarioSchema";

const LEVELS = [1, 8, 32];
const TARGET = { clients: 8, kb: 8, firstTokenOverheadP95Ms: 15 };
/** The upstream's pace: one word every 10 ms, 40 words (about 400 ms per answer). */
const CHUNK_DELAY_MS = 10;
const REPLY = `Dear [PERSON_1], ${"thank you for your letter about the heating and the rent; ".repeat(4)}kind regards.`;

const scenarios = parseScenarios(
  readFileSync(new URL("../test/fixtures/privacy/scenarios.jsonl", import.meta.url), "utf8"),
).filter((s) => s.lang.startsWith("en"));

/** About `kb` KB of the scenarios' requests, notes and profiles, prefixed so each request is its own conversation. */
function messageOf(kb: number, n: number): string {
  let text = `Request ${n}.`;
  for (let i = 0; Buffer.byteLength(text) < kb * 1024; i++) {
    const s = scenarios[(i + n) % scenarios.length]!;
    text += `\n\n${s.instruction} ${s.context} ${s.profile}`;
  }
  return text.slice(0, kb * 1024);
}

interface Sample {
  firstMs: number;
  totalMs: number;
}

/** One streaming request; times to the first non-empty content delta and to the end of the stream. */
async function once(url: string, token: string, body: string, conversation?: string): Promise<Sample> {
  const started = performance.now();
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
    ...(conversation ? { "x-tandem-conversation": conversation } : {}),
  };
  const res = await fetch(`${url}/chat/completions`, { method: "POST", headers, body });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const decoder = new TextDecoder();
  let firstMs: number | null = null;
  let buffer = "";
  const reader = res.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    buffer += decoder.decode(part.value, { stream: true });
    if (firstMs === null && /"content":"[^"]/.test(buffer)) firstMs = performance.now() - started;
  }
  if (!buffer.includes("[DONE]")) throw new Error("stream did not finish");
  return { firstMs: firstMs ?? NaN, totalMs: performance.now() - started };
}

async function level(url: string, token: string, clients: number, requests: number, kb: number, offset: number) {
  let next = 0;
  const samples: Sample[] = [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        const n = offset + next++;
        samples.push(
          await once(
            url,
            token,
            JSON.stringify({
              model: "test-model",
              stream: true,
              messages: [{ role: "user", content: messageOf(kb, n) }],
            }),
          ),
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time of this process per request: client, upstream and (for the proxy run) the proxy; far less sensitive to other load than wall time.
  const cpuMs = round((cpu.user + cpu.system) / 1000 / requests);
  return {
    first: stats(samples.map((s) => s.firstMs)),
    total: stats(samples.map((s) => s.totalMs)),
    perSecond: round(requests / seconds),
    cpuMs,
  };
}

/**
 * Multi-turn chats, as chat apps send them: every turn repeats the whole history (earlier user
 * messages and the restored answers) plus a new user message of kb / turns KB, so the last turn
 * carries about `kb` KB of user text. Latency is that last turn's; CPU is per request (all turns).
 */
async function chatLevel(
  url: string,
  token: string,
  clients: number,
  chats: number,
  kb: number,
  turns: number,
  offset: number,
) {
  let next = 0;
  const samples: Sample[] = [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < chats) {
        const n = offset + next++;
        const messages: Array<{ role: string; content: string }> = [];
        for (let t = 0; t < turns; t++) {
          messages.push({ role: "user", content: messageOf(kb / turns, n * 100 + t) });
          const sample = await once(
            url,
            token,
            JSON.stringify({ model: "test-model", stream: true, messages }),
            `bench-chat-${n}`,
          );
          if (t === turns - 1) samples.push(sample);
          messages.push({ role: "assistant", content: REPLY.replace("[PERSON_1]", "Gary Thompson") });
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = round((cpu.user + cpu.system) / 1000 / (chats * turns));
  return {
    first: stats(samples.map((s) => s.firstMs)),
    total: stats(samples.map((s) => s.totalMs)),
    perSecond: round((chats * turns) / seconds),
    cpuMs,
  };
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: round(at(50)), p95: round(at(95)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "64" },
      kb: { type: "string", default: "8" },
      turns: { type: "string", default: "4" },
      json: { type: "boolean", default: false },
    },
  });
  const turns = Number(values.turns);
  const requests = Number(values.requests);
  const kb = Number(values.kb);
  const dir = mkdtempSync(join(tmpdir(), "tandem-bench-proxy-"));
  const cloud = await startRecordingCloud({ reply: REPLY, chunkDelayMs: CHUNK_DELAY_MS });
  const host = await createHost({ dataDir: dir, kind: "cli", gpu: false, quiet: true });
  try {
    await host.handle("cloud:configure", { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-bench" });
    const server = await host.proxy().start({ port: 0, enabled: true });
    const { token } = await host.proxy().status();
    await level(server.baseUrl, token, 2, 6, kb, 1_000_000); // warm-up: JIT, word lists, SQLite
    const results = [];
    for (const clients of LEVELS) {
      const direct = await level(cloud.baseUrl, "unused", clients, requests, kb, clients * 10_000);
      const proxy = await level(server.baseUrl, token, clients, requests, kb, clients * 10_000 + 5_000);
      cloud.requests.length = 0; // the recorder keeps bodies; the bench does not need them
      const overhead = {
        first: diff(proxy.first, direct.first),
        total: diff(proxy.total, direct.total),
        cpuMs: round(proxy.cpuMs - direct.cpuMs),
      };
      results.push({ clients, requests, direct, proxy, overhead });
    }
    if (turns > 1) {
      // 8 clients, each in its own chats: the last turn's latency with the history sent again.
      const chats = Math.max(TARGET.clients, Math.ceil(requests / turns));
      const direct = await chatLevel(cloud.baseUrl, "unused", TARGET.clients, chats, kb, turns, 3_000_000);
      const proxy = await chatLevel(server.baseUrl, token, TARGET.clients, chats, kb, turns, 4_000_000);
      cloud.requests.length = 0;
      const overhead = {
        first: diff(proxy.first, direct.first),
        total: diff(proxy.total, direct.total),
        cpuMs: round(proxy.cpuMs - direct.cpuMs),
      };
      results.push({ clients: TARGET.clients, requests: chats, turns, direct, proxy, overhead });
    }
    const engine = engineShare(kb, dir);
    const atTarget = results.find((r) => r.clients === TARGET.clients && !r.turns)!;
    const verdict =
      kb === TARGET.kb && atTarget.overhead.first.p95 < TARGET.firstTokenOverheadP95Ms
        ? "PASS"
        : kb === TARGET.kb
          ? "MISS"
          : "n/a";
    const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${loadavg()[0]?.toFixed(2)}, Node ${process.version}`;
    if (!values.json) {
      printTable(results, machine, kb, verdict, atTarget.overhead.first.p95);
      console.log(
        `Engine CPU per fresh ${kb} KB request: sanitize ${engine.sanitizeCpuMs} ms, gate re-scan ${engine.gateCpuMs} ms`,
      );
    }
    console.log(
      JSON.stringify({
        date: new Date().toISOString(),
        machine,
        kb,
        chunkDelayMs: CHUNK_DELAY_MS,
        target: { ...TARGET, verdict },
        engine,
        results,
      }),
    );
  } finally {
    await host.close();
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU per fresh 8 KB request of the two engine steps the proxy runs: sanitize, then the gate's re-scan. */
function engineShare(kb: number, dir: string): { sanitizeCpuMs: number; gateCpuMs: number } {
  const store = Store.open(join(dir, "engine.db"));
  const gate = new EgressGate({ audit: new AuditLog(store.db), isOffline: () => false });
  let sanitizeUs = 0;
  let gateUs = 0;
  const runs = 16;
  try {
    for (let n = 0; n < runs; n++) {
      const vault = new PrivacyVault(`engine-${n}`);
      let before = process.cpuUsage();
      const { text } = sanitize(messageOf(kb, 2_000_000 + n), vault, { locale: "en-US" });
      let used = process.cpuUsage(before);
      sanitizeUs += used.user + used.system;
      before = process.cpuUsage();
      gate.check(
        {
          conversationId: vault.conversationId,
          messageId: null,
          endpoint: "x",
          model: "m",
          messages: [{ role: "user", content: text }],
        },
        vault,
      );
      used = process.cpuUsage(before);
      gateUs += used.user + used.system;
    }
  } finally {
    store.close();
  }
  return { sanitizeCpuMs: round(sanitizeUs / 1000 / runs), gateCpuMs: round(gateUs / 1000 / runs) };
}

function diff(a: { p50: number; p95: number }, b: { p50: number; p95: number }) {
  return { p50: round(a.p50 - b.p50), p95: round(a.p95 - b.p95) };
}

type Result = {
  clients: number;
  requests: number;
  turns?: number;
  direct: Level;
  proxy: Level;
  overhead: { first: Stat; total: Stat; cpuMs: number };
};
type Stat = { p50: number; p95: number };
type Level = { first: Stat; total: Stat; perSecond: number; cpuMs: number };

function printTable(results: Result[], machine: string, kb: number, verdict: string, p95: number): void {
  console.log(`Privacy proxy, ${kb} KB streaming requests, upstream at one word per ${CHUNK_DELAY_MS} ms — ${machine}`);
  console.log(
    "| clients | requests | first token direct p50 / p95 | through proxy p50 / p95 | added p50 / p95 | total direct p50 / p95 | through proxy p50 / p95 | added p50 / p95 | req/s direct / proxy | proxy CPU per request |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  const cell = (s: { p50: number; p95: number }) => `${s.p50} / ${s.p95} ms`;
  for (const r of results) {
    const who = r.turns ? `${r.clients}, chats: turn ${r.turns} of ${r.turns}` : String(r.clients);
    console.log(
      `| ${who} | ${r.requests} | ${cell(r.direct.first)} | ${cell(r.proxy.first)} | ${cell(r.overhead.first)} | ${cell(r.direct.total)} | ${cell(r.proxy.total)} | ${cell(r.overhead.total)} | ${r.direct.perSecond} / ${r.proxy.perSecond} | ${r.overhead.cpuMs} ms |`,
    );
  }
  console.log(
    `Target: first-token overhead p95 < ${TARGET.firstTokenOverheadP95Ms} ms at ${TARGET.kb} KB and ${TARGET.clients} clients: ${verdict} (${p95} ms)`,
  );
}

await main();
