/**
 * Store benchmark: fills a fresh database with a large chat history, then times what a user
 * waits for — sending a message (append), searching, opening a long conversation. It measures
 * the store as users run it — encrypted (SQLCipher), opened by the hosts' own `openDataStore`
 * with a key it makes — and the same history in a plaintext file beside it, to show what the
 * encryption costs. Both get identical content (the text generator is reseeded per store).
 *
 *   npm run bench:store                                   # 1,000,000 messages / 10,000 conversations
 *   npm run bench:store -- --messages 50000 --conversations 500   # a quick run
 *   npm run bench:store -- --only encrypted               # one store only
 *   npm run bench:store -- --only encrypted --keep /tmp/store-bench   # fill once, then reuse
 *   npm run bench:store -- --only encrypted --keep /tmp/store-bench --warm-up   # search after the hosts' warm-up
 *
 * The databases live in a temp dir that is removed at the end — unless `--keep DIR` names one:
 * then they stay there, and a later run with the same DIR and sizes measures the history already
 * in it instead of spending ~13 minutes writing it again (handy to compare store settings; each
 * run adds its 2,000 appends and 20 answers to the kept history). The last line is JSON.
 *
 * The store runs its background maintenance as the hosts start it (StoreMaintenance: index merges
 * and WAL checkpoints once writes stop). The timed loops give it no idle moment, so it runs after
 * them, and the bench prints what that pass did (and, after a fill, the pass that merges it).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { MessageRole } from "../app/contract/types";
import type { WarmUpReport } from "../app/store/SearchWarmUp";
import type { MaintenancePass } from "../app/store/StoreMaintenance";
import { Store } from "../app/store/Store";
import { openDataStore } from "../main/host/openDataStore";
import { seededRandom } from "../native-models/gguf/seededRandom";

const TARGETS = { searchP95Ms: 10, appendP95Ms: 1, loadP95Ms: 30 };
const VARIANTS = ["encrypted", "plaintext"] as const;
type Variant = (typeof VARIANTS)[number];
const SEED = 20240611;
const LONG_CONVERSATION = 500;
const LONG_CONVERSATIONS = 10;
const BATCH = 10_000;
const APPENDS = 2_000;
const SEARCH_RUNS = 5;

// ---- text: a seeded PRNG, common English words with Zipf frequencies, and a long tail ----------

let random = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const COMMON = `the of and to a in is it you that for this with on as be are was not or your have
at by from if will but an we use they do more how which what so there can all one when would
about also should like my me need make then than its just some other time first file function
data code value list user model memory error question answer example string number new way
work because into only these each using run test python install version server database table
query index search text message system change problem help could any may most after before
please thanks write explain read update create delete return class type object array loop
result output input package library project build config setting default option command line
simple better faster performance cache request response network local cloud private summary
idea plan meeting email note draft review schedule budget recipe travel weather book movie
garden health sleep coffee week month year today tomorrow morning evening family friend`
  .split(/\s+/)
  .filter(Boolean);
const ZIPF = COMMON.map((_, rank) => 1 / (rank + 1));
const ZIPF_TOTAL = ZIPF.reduce((a, b) => a + b, 0);
const SYLLABLES = "ka lo mi ren tor vex sal din qua bri mon zel pha tu gor fen lis dra cor nim".split(" ");
// Real text has a long tail of rare words (names, jargon); 20,000 made-up ones stand in for it.
const TAIL = Array.from({ length: 20_000 }, () =>
  Array.from({ length: between(2, 4) }, () => pick(SYLLABLES)).join(""),
);
const TAIL_SHARE = 0.06;

/** Restarts the text generator (after TAIL is built), so every store gets the same history. */
function reseed(): void {
  random = seededRandom(SEED + 1);
}

function zipfWord(): string {
  let r = random() * ZIPF_TOTAL;
  for (let i = 0; i < ZIPF.length; i++) if ((r -= ZIPF[i]!) <= 0) return COMMON[i]!;
  return COMMON[0]!;
}

function sentence(words: number): string {
  const parts = Array.from({ length: words }, () => (random() < TAIL_SHARE ? pick(TAIL) : zipfWord()));
  const text = parts.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1) + (random() < 0.2 ? "?" : ".");
}

function messageText(role: MessageRole): string {
  let budget = role === "user" ? between(4, 40) : between(20, 200);
  const sentences: string[] = [];
  while (budget > 0) {
    const n = Math.min(budget, between(5, 18));
    sentences.push(sentence(n));
    budget -= n;
  }
  return sentences.join(" ");
}

// ---- load --------------------------------------------------------------------------------

/** How many messages each conversation gets: the first few exactly 500, the rest random. */
function conversationSizes(messages: number, conversations: number): Int32Array {
  const sizes = new Int32Array(conversations);
  const long = Math.min(
    LONG_CONVERSATIONS,
    Math.floor(conversations / 2),
    Math.floor(messages / LONG_CONVERSATION / 2),
  );
  for (let i = 0; i < long; i++) sizes[i] = LONG_CONVERSATION;
  let left = messages - long * LONG_CONVERSATION;
  const weights = Array.from({ length: conversations - long }, () => -Math.log(1 - random()));
  const total = weights.reduce((a, b) => a + b, 0);
  weights.forEach((w, i) => (sizes[long + i] = Math.min(LONG_CONVERSATION - 1, Math.floor((w / total) * left))));
  left -= sizes.slice(long).reduce((a, b) => a + b, 0);
  for (let i = long; left > 0; i = i + 1 < conversations ? i + 1 : long) {
    if (sizes[i]! < LONG_CONVERSATION - 1) {
      sizes[i]!++;
      left--;
    }
  }
  return sizes;
}

/** Messages interleaved across conversations in random order, as in months of real use. */
function writeOrder(sizes: Int32Array): Int32Array {
  const order = new Int32Array(sizes.reduce((a, b) => a + b, 0));
  let k = 0;
  sizes.forEach((size, conversation) => order.fill(conversation, k, (k += size)));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Writes the history through the app's own append; returns every conversation id and the 500-message ones. */
function fill(store: Store, messages: number, conversations: number): { ids: string[]; long: Set<string> } {
  const ids = store.db.transaction(() =>
    Array.from({ length: conversations }, (_, i) => store.conversations.create({ title: `Conversation ${i}` }).id),
  )();
  const sizes = conversationSizes(messages, conversations);
  const order = writeOrder(sizes);
  const written = new Int32Array(conversations);
  const insertBatch = store.db.transaction((from: number) => {
    for (let i = from; i < Math.min(from + BATCH, order.length); i++) {
      const c = order[i]!;
      const role: MessageRole = written[c]! % 2 === 0 ? "user" : "assistant";
      written[c]!++;
      store.messages.append({ conversationId: ids[c]!, role, content: messageText(role), status: "done" });
    }
  });
  const started = performance.now();
  for (let from = 0; from < order.length; from += BATCH) {
    insertBatch(from);
    if ((from / BATCH) % 20 === 0)
      process.stderr.write(`  loaded ${from.toLocaleString("en")} messages (${seconds(started)} s)\n`);
  }
  return { ids, long: new Set(ids.filter((_, i) => sizes[i] === LONG_CONVERSATION)) };
}

/**
 * A history a previous `--keep` run wrote: its conversation ids in creation order (titles are
 * "Conversation <i>") and the 500-message ones, whose sizes the reseeded generator gives again.
 */
function reuse(store: Store, messages: number, conversations: number): { ids: string[]; long: Set<string> } | null {
  const written = store.db.prepare("SELECT count(*) FROM messages").pluck().get() as number;
  if (written === 0) return null;
  const rows = store.db.prepare("SELECT id, title FROM conversations").all() as { id: string; title: string }[];
  const ids: string[] = [];
  for (const row of rows) ids[Number(row.title.replace("Conversation ", ""))] = row.id;
  if (ids.length !== conversations || written < messages)
    throw new Error(`The kept database holds ${written} messages in ${rows.length} conversations: use the same sizes.`);
  const sizes = conversationSizes(messages, conversations);
  return { ids, long: new Set(ids.filter((_, i) => sizes[i] === LONG_CONVERSATION)) };
}

// ---- measure -----------------------------------------------------------------------------

/**
 * Wall-clock time is what a user waits; CPU time (this process, user + system) is printed
 * beside it because the bench machine is shared: when p95 wall is far above p95 CPU, the
 * process was waiting for a core, not working.
 */
interface Sample {
  wall: number;
  cpu: number;
}

function time(fn: () => unknown): Sample {
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(samples: Sample[]) {
  const wall = samples.map((s) => s.wall);
  const cpu = samples.map((s) => s.cpu);
  return {
    p50: round(percentile(wall, 50)),
    p95: round(percentile(wall, 95)),
    max: wall.length ? round(Math.max(...wall)) : NaN,
    cpuP95: round(percentile(cpu, 95)),
  };
}
const round = (ms: number) => Math.round(ms * 1000) / 1000;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Appends go to the shorter conversations so the 500-message ones keep exactly 500. */
function measureAppends(store: Store, ids: string[], long: Set<string>): Sample[] {
  const targets = ids.filter((id) => !long.has(id));
  return Array.from({ length: APPENDS }, (_, i) => {
    const role: MessageRole = i % 2 === 0 ? "user" : "assistant";
    const input = { conversationId: pick(targets), role, content: messageText(role), status: "done" as const };
    return time(() => store.messages.append(input));
  });
}

/**
 * The once-a-second flush of an answer being written: 20 answers of about 1,500 words, each
 * flushed every 50 words. Every flush re-indexes the text so far, so its cost grows with it.
 */
function measureFlushes(store: Store, ids: string[]): Sample[] {
  const samples: Sample[] = [];
  for (let answer = 0; answer < 20; answer++) {
    const { id } = store.messages.append({
      conversationId: pick(ids),
      role: "assistant",
      content: "",
      status: "streaming",
    });
    let text = "";
    for (let flush = 0; flush < 30; flush++) {
      text += ` ${sentence(50)}`;
      samples.push(time(() => store.messages.updateContent(id, text)));
    }
    store.messages.finish(id, { content: text, status: "done" });
  }
  return samples;
}

/** Single and two-word queries, prefixes (as typed), rare and common terms, and a miss. */
function searchQueries(): string[] {
  const tail = (n: number) => TAIL[n * 997]!;
  return [
    "the",
    "python",
    "memory",
    "database index",
    "error message",
    "coffee",
    "garden weather",
    "perf",
    "datab",
    "sched",
    "data",
    "meeting tomorrow morning",
    tail(1),
    tail(2),
    `the ${tail(3)}`,
    `please ${tail(5)}`,
    "how do you",
    "recipe",
    "network cache",
    "zzqxj",
  ];
}

/** Rounds over all queries (not one query 5 times in a row), so caches help no more than in use. */
function measureSearch(store: Store) {
  const queries = searchQueries();
  const samples = queries.map((): Sample[] => []);
  for (let run = 0; run < SEARCH_RUNS; run++)
    queries.forEach((query, i) => samples[i]!.push(time(() => store.conversations.search(query))));
  const perQuery = queries.map((query, i) => ({
    query,
    hits: store.conversations.search(query).length,
    ...summary(samples[i]!),
  }));
  return { perQuery, all: samples.flat(), firstRound: samples.map((s) => s[0]!) };
}

/** The conversations of exactly 500 messages (none in a run too small to have them). */
function measureLoads(store: Store, long: Set<string>): Sample[] {
  const ids = [...long];
  if (ids.some((id) => store.messages.listForConversation(id).length !== LONG_CONVERSATION))
    throw new Error("Bug: a long conversation is not 500 messages");
  return ids.length === 0
    ? []
    : Array.from({ length: 50 }, (_, i) => time(() => store.messages.listForConversation(ids[i % ids.length]!)));
}

function diskBytes(file: string): number {
  return ["", "-wal", "-shm"].reduce(
    (sum, suffix) => sum + (statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0),
    0,
  );
}

// ---- run and report ----------------------------------------------------------------------

interface Results {
  variant: Variant;
  messages: number;
  conversations: number;
  loadSeconds: number;
  openMs: number;
  append: Sample[];
  flush: Sample[];
  search: ReturnType<typeof measureSearch>;
  /** With `--warm-up`: the hosts' background warm-up, run to its end before the searches. */
  warmUp: WarmUpReport | null;
  /** The hosts' background maintenance, run after the appends and flushes: what they left it to do. */
  maintenance: MaintenancePass;
  /** After a fill: the same maintenance, merging what the fill wrote (in use, idle moments do it as it is written). */
  fillMaintenance: MaintenancePass | null;
  load: Sample[];
  bytes: number;
  loadAverage: string;
  /** Resident memory of the bench process after the measurements, page cache included. */
  rssMiB: number;
}

/**
 * The encrypted store is opened exactly as a host opens it (key made and kept in the data
 * directory's 0600 secrets file, no passphrase); the plaintext one with no key at all.
 */
async function openVariant(variant: Variant, dir: string): Promise<Store> {
  if (variant === "plaintext") return Store.open(join(dir, "plain.db"));
  return openDataStore(dir, { config: { passphrase: null, recoveryPassphrase: null } });
}

async function runVariant(
  variant: Variant,
  root: string,
  messages: number,
  conversations: number,
  warmUpFirst: boolean,
): Promise<Results> {
  const dir = join(root, variant);
  reseed();
  const loadStarted = performance.now();
  let store = await openVariant(variant, dir);
  const file = store.db.name;
  const kept = reuse(store, messages, conversations);
  const { ids, long } = kept ?? fill(store, messages, conversations);
  // A history written over months was merged in the idle moments between its messages.
  const fillMaintenance = kept ? null : await store.maintainInBackground().runPass();
  store.close();
  const loadSeconds = kept ? NaN : Number(seconds(loadStarted));
  const opened = performance.now();
  store = await openVariant(variant, dir); // measure on a fresh connection, as after an app start
  const openMs = round(performance.now() - opened);
  // As the hosts run it (StoreMaintenance): index merges and WAL checkpoints wait for idle moments.
  const maintenance = store.maintainInBackground();
  const before = loadavg()[0]!.toFixed(1);
  // As the hosts run it (SearchWarmUp): the app is open a while before a search. Measured in a run
  // of its own, so that nothing else this process did (JIT, caches) counts as the warm-up's.
  const warmUp = warmUpFirst ? await store.warmUpSearch().done : null;
  const search = measureSearch(store);
  const load = measureLoads(store, long);
  const append = measureAppends(store, ids, long);
  const flush = measureFlushes(
    store,
    ids.filter((id) => !long.has(id)),
  );
  const loadAverage = `${before} → ${loadavg()[0]!.toFixed(1)}`;
  // The appends and flushes came with no idle moment in between: what the next one would do.
  const maintained = await maintenance.runPass();
  // The page cache fills as the measurements read the history; this is what the process holds with it.
  const rssMiB = Math.round(process.memoryUsage().rss / 1024 / 1024);
  store.close();
  return {
    variant,
    messages,
    conversations,
    loadSeconds,
    openMs,
    append,
    flush,
    search,
    warmUp,
    maintenance: maintained,
    fillMaintenance,
    load,
    bytes: diskBytes(file),
    loadAverage,
    rssMiB,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      messages: { type: "string" },
      conversations: { type: "string" },
      only: { type: "string" },
      keep: { type: "string" },
      "warm-up": { type: "boolean" },
    },
  });
  const messages = Number(values.messages ?? 1_000_000);
  const conversations = Number(values.conversations ?? 10_000);
  if (!(conversations >= 2 && messages >= 1 && messages <= conversations * (LONG_CONVERSATION - 1))) {
    throw new Error(`Need --conversations >= 2 and 1 <= --messages <= ${LONG_CONVERSATION - 1} x conversations.`);
  }
  const variants = values.only === undefined ? VARIANTS : VARIANTS.filter((v) => v === values.only);
  if (variants.length === 0) throw new Error(`--only takes ${VARIANTS.join(" or ")}.`);
  const keep = values.keep;
  if (keep !== undefined) mkdirSync(keep, { recursive: true });
  const root = keep ?? mkdtempSync(join(tmpdir(), "tandem-bench-store-"));
  try {
    const results: Results[] = [];
    for (const variant of variants) {
      process.stderr.write(`${variant} store:\n`);
      results.push(await runVariant(variant, root, messages, conversations, values["warm-up"] === true));
      if (keep === undefined) rmSync(join(root, variant), { recursive: true, force: true }); // free the disk before the next one
    }
    results.forEach(report);
    console.log(
      JSON.stringify({
        bench: "store",
        messages,
        conversations,
        cores: cpus().length,
        ...Object.fromEntries(results.map((r) => [r.variant, resultsJson(r)])),
      }),
    );
  } finally {
    if (keep === undefined) rmSync(root, { recursive: true, force: true });
  }
}

function verdict(p95: number, target: number): string {
  return Number.isNaN(p95) ? "n/a" : p95 < target ? "PASS" : "MISS";
}

function report(r: Results): void {
  console.log(
    `\nStore benchmark, ${r.variant.toUpperCase()}: ${r.messages.toLocaleString("en")} messages in ${r.conversations.toLocaleString("en")} conversations`,
  );
  console.log(
    `bulk load ${Number.isNaN(r.loadSeconds) ? "skipped (kept history reused)" : `${r.loadSeconds} s`}; open ${r.openMs} ms; RSS after measuring ${r.rssMiB} MiB; 1-min load average during measurement ${r.loadAverage} on ${cpus().length} cores\n`,
  );
  console.log(`Search, per query (ms over ${SEARCH_RUNS} runs):`);
  for (const q of r.search.perQuery) {
    console.log(
      `  ${JSON.stringify(q.query).padEnd(28)} hits ${String(q.hits).padStart(2)}  p50 ${q.p50.toFixed(2).padStart(6)}  max ${q.max.toFixed(2).padStart(6)}`,
    );
  }
  const rows = tableRows(r);
  console.log(
    "\n| operation | p50 ms | p95 ms | max ms | p95 CPU ms | target p95 | result |\n|---|---|---|---|---|---|---|",
  );
  for (const row of rows)
    console.log(
      `| ${row.name} | ${row.s.p50} | ${row.s.p95} | ${row.s.max} | ${row.s.cpuP95} | < ${row.target} | ${verdict(row.s.p95, row.target)} |`,
    );
  const flush = summary(r.flush);
  console.log(
    `| flush of a streaming answer, up to 1,500 words (600) | ${flush.p50} | ${flush.p95} | ${flush.max} | ${flush.cpuP95} | | |`,
  );
  const first = summary(r.search.firstRound);
  console.log(`| search, first round only (20) | ${first.p50} | ${first.p95} | ${first.max} | ${first.cpuP95} | | |`);
  const w = r.warmUp;
  if (w)
    console.log(
      `| the warm-up itself (${w.steps} steps, in the background after open) | wall ${round(w.wallMs)} | CPU ${round(w.cpuMs)} | longest step ${round(w.longestStepMs)} (CPU ${round(w.longestStepCpuMs)}) | | | ${w.completed ? "completed" : "stopped"} |`,
    );
  for (const [what, pass] of [
    ["after the fill", r.fillMaintenance],
    ["after the appends and flushes", r.maintenance],
  ] as const)
    if (pass)
      console.log(
        `| background maintenance ${what} (${pass.mergeSteps} merge steps, WAL ${pass.checkpointedFrames}/${pass.walFrames} pages checkpointed) | CPU ${round(pass.cpuMs)} | | longest step ${round(pass.longestStepMs)} (CPU ${round(pass.longestStepCpuMs)}) | | | ${pass.completed ? "completed" : "interrupted"} |`,
      );
  console.log(`| database size on disk | ${(r.bytes / 1024 / 1024).toFixed(1)} MiB | | | | | |\n`);
}

function tableRows(r: Results) {
  return [
    {
      key: "append",
      name: `append (${APPENDS}, one transaction each)`,
      s: summary(r.append),
      target: TARGETS.appendP95Ms,
    },
    {
      key: "search",
      name: `FTS search ${r.warmUp ? "after the background warm-up" : "right after open, no warm-up"} (20 queries x ${SEARCH_RUNS})`,
      s: summary(r.search.all),
      target: TARGETS.searchP95Ms,
    },
    {
      key: "load",
      name: `load a ${LONG_CONVERSATION}-message conversation (x50)`,
      s: summary(r.load),
      target: TARGETS.loadP95Ms,
    },
  ];
}

function resultsJson(r: Results) {
  const rows = Object.fromEntries(
    tableRows(r).map((row) => [row.key, { ...row.s, target: row.target, result: verdict(row.s.p95, row.target) }]),
  );
  return {
    loadSeconds: r.loadSeconds,
    openMs: r.openMs,
    dbBytes: r.bytes,
    loadAverage: r.loadAverage,
    rssMiB: r.rssMiB,
    warmUp: r.warmUp,
    maintenance: r.maintenance,
    fillMaintenance: r.fillMaintenance,
    ...rows,
    flush: summary(r.flush),
  };
}

await main();
