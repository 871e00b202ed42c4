import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Store } from "../../../app/store/Store";
import { WAL_BOUND_PAGES, type MaintenancePass } from "../../../app/store/StoreMaintenance";
import { useTempStores } from "../../helpers/tempStore";

const WORDS = "garden weather coffee python memory index error message meeting tomorrow recipe network".split(" ");

/** `count` appends, one transaction each, as the app makes them: each writes its own index segment. */
function appendMessages(store: Store, conversationId: string, count: number, from = 0): void {
  for (let i = from; i < from + count; i++) {
    const content = Array.from({ length: 30 }, (_, j) => `${WORDS[(i * 5 + j * 7) % WORDS.length]}${j % 4}`).join(" ");
    store.messages.append({ conversationId, role: i % 2 ? "assistant" : "user", content, status: "done" });
  }
}

/** How many segments the message index is made of (each has its rows in the `_idx` table). */
const segments = (store: Store) =>
  store.db.prepare("SELECT count(DISTINCT segid) FROM messages_fts_idx").pluck().get() as number;

/** The write-ahead log header's salts: new ones each time the log starts over from its beginning. */
const walSalt = (store: Store) => readFileSync(`${store.db.name}-wal`).subarray(16, 24).toString("hex");

const QUERIES = ["garden0", "coffee", "pyth", "meeting0 tomorrow3", "network3 recipe"];
const results = (store: Store) => QUERIES.map((q) => store.conversations.search(q, 1000).map((hit) => hit.messageId));

describe("background store maintenance", () => {
  const temp = useTempStores();
  const key = randomBytes(32);

  function storeWithMessages(count: number): Store {
    const store = temp.open("tandem.db", { key });
    appendMessages(store, store.conversations.create({ title: "Notes" }).id, count);
    return store;
  }

  it("leaves the index merging to it: appends add a segment each, and a message is found the moment it is appended", () => {
    const store = storeWithMessages(40);
    expect(segments(store)).toBeGreaterThanOrEqual(40);
    const conversationId = store.conversations.list()[0]!.id;
    const { id } = store.messages.append({
      conversationId,
      role: "user",
      content: "zanzibar lighthouse",
      status: "done",
    });
    expect(store.conversations.search("zanzibar").map((hit) => hit.messageId)).toEqual([id]);
  });

  it("merges the index into a few segments and checkpoints the whole write-ahead log, finding exactly the same messages", async () => {
    const store = storeWithMessages(40);
    const before = results(store);
    const pass = await store.maintainInBackground().runPass();
    expect(pass).toMatchObject({ completed: true });
    expect(pass.mergeSteps).toBeGreaterThan(0);
    expect(segments(store)).toBeLessThan(10);
    expect(pass.walFrames).toBeGreaterThan(0);
    expect(pass.checkpointedFrames).toBe(pass.walFrames);
    expect(results(store)).toEqual(before);
    expect(before.every((hits) => hits.length > 0)).toBe(true);
    // The pass started the log over (and synced its new header): the next append continues it
    // instead of restarting it itself, which would change the header's salt.
    expect(pass.logRestarted).toBe(true);
    const salt = walSalt(store);
    appendMessages(store, store.conversations.list()[0]!.id, 1, 40);
    expect(walSalt(store)).toEqual(salt);
    // FTS5's own check of the merged index against the messages (throws if they differ).
    store.db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)").run();
    // Nothing is left for the next pass.
    expect(await store.maintainInBackground().runPass()).toMatchObject({ completed: true, mergeSteps: 0 });
  });

  it("runs by itself once the writes stop", async () => {
    const store = storeWithMessages(40);
    const passed = new Promise<MaintenancePass>((resolve) =>
      store.maintainInBackground({ idleMs: 10, onPass: resolve }),
    );
    expect(await passed).toMatchObject({ completed: true });
    expect(segments(store)).toBeLessThan(10);
  });

  it("yields to a write that comes in between its steps, and finishes at the next pass", async () => {
    const store = storeWithMessages(40);
    const maintenance = store.maintainInBackground();
    const interrupted = maintenance.runPass();
    appendMessages(store, store.conversations.list()[0]!.id, 1, 40); // before the pass's first step
    expect(await interrupted).toMatchObject({ completed: false, mergeSteps: 0 });
    expect(await maintenance.runPass()).toMatchObject({ completed: true });
    expect(segments(store)).toBeLessThan(10);
  });

  it("stops when the store closes, and says it did not finish", async () => {
    const store = storeWithMessages(10);
    const pass = store.maintainInBackground().runPass();
    store.close();
    expect(await pass).toMatchObject({ completed: false, mergeSteps: 0 });
  });

  it("takes over routine checkpoints while it runs and gives them back to SQLite when stopped", () => {
    const store = temp.open("tandem.db", { key });
    const interval = () => store.db.pragma("wal_autocheckpoint", { simple: true });
    expect(interval()).toBe(1000);
    const maintenance = store.maintainInBackground();
    expect(interval()).toBe(WAL_BOUND_PAGES);
    maintenance.stop();
    expect(interval()).toBe(1000);
  });

  it("keeps the write-ahead log within its bound through a burst of writes with no idle moment", () => {
    const store = temp.open("tandem.db"); // plaintext: the same bound, written faster
    store.maintainInBackground();
    const conversationId = store.conversations.create({ title: "Burst" }).id;
    // Long messages of many distinct words: each append writes dozens of pages.
    const long = (i: number) => Array.from({ length: 3_000 }, (_, j) => `w${(i * 3_001 + j) % 50_000}`).join(" ");
    for (let i = 0; i < 110; i++)
      store.messages.append({ conversationId, role: "user", content: long(i), status: "done" });
    const pageSize = store.db.pragma("page_size", { simple: true }) as number;
    const walPages = statSync(`${store.db.name}-wal`).size / (pageSize + 24);
    // Past the bound the commit that crosses it checkpoints, and the log starts over.
    expect(walPages).toBeGreaterThan(WAL_BOUND_PAGES);
    expect(walPages).toBeLessThan(WAL_BOUND_PAGES + 200);
  });

  it("keeps the index to a bounded number of segments when nothing merges it (a process without maintenance)", () => {
    const store = storeWithMessages(150);
    expect(segments(store)).toBeLessThanOrEqual(64 + 4);
    expect(results(store).every((hits) => hits.length > 0)).toBe(true);
  });
});
