import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Store } from "../../../app/store/Store";
import { useTempStores } from "../../helpers/tempStore";

const WORDS = "garden weather coffee python memory index error message meeting tomorrow recipe network".split(" ");

/** 2,500 messages over 5 conversations: the warm-up reads them in several steps. */
function fill(store: Store): void {
  const conversations = Array.from({ length: 5 }, (_, i) => store.conversations.create({ title: `Chat ${i}` }).id);
  store.db.transaction(() => {
    for (let i = 0; i < 2_500; i++) {
      const content = Array.from({ length: 12 }, (_, j) => WORDS[(i * 5 + j * 7) % WORDS.length]).join(" ");
      store.messages.append({ conversationId: conversations[i % 5]!, role: "user", content, status: "done" });
    }
  })();
}

const QUERIES = ["garden", "coffee pyth", "meeting tomorrow", "rec", "error message index"];

describe("search warm-up", () => {
  const temp = useTempStores();
  const key = randomBytes(32);

  it("leaves every search result exactly as it is without the warm-up", async () => {
    fill(temp.open("tandem.db", { key }));
    const cold = temp.open("tandem.db", { key });
    const withoutWarmUp = QUERIES.map((q) => cold.conversations.search(q));
    cold.close();

    const warm = temp.open("tandem.db", { key });
    const report = await warm.warmUpSearch().done;
    expect(report.completed).toBe(true);
    expect(QUERIES.map((q) => warm.conversations.search(q))).toEqual(withoutWarmUp);
    expect(withoutWarmUp.every((hits) => hits.length > 0)).toBe(true);
  });

  it("works in short steps, letting other work run between them", async () => {
    fill(temp.open("tandem.db", { key }));
    const store = temp.open("tandem.db", { key });
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const report = await store.warmUpSearch().done;
    ticking = false;
    // 3 reads of the search's own tables, 3 of the 2,500 messages, 2 searches.
    expect(report).toMatchObject({ completed: true, steps: 8 });
    expect(turns).toBeGreaterThanOrEqual(report.steps - 1);
  });

  it("stops when the store closes and says it did not finish", async () => {
    fill(temp.open("tandem.db", { key }));
    const store = temp.open("tandem.db", { key });
    const warmUp = store.warmUpSearch();
    store.close();
    expect(await warmUp.done).toMatchObject({ completed: false, steps: 0 });
  });

  it("is started once however often it is asked for", () => {
    const store = temp.open("tandem.db", { key });
    expect(store.warmUpSearch()).toBe(store.warmUpSearch());
  });
});
