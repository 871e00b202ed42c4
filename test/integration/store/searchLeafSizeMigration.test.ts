import Database from "better-sqlite3-multiple-ciphers";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { applyKey } from "../../../app/store/cipher";
import { MIGRATIONS } from "../../../app/store/migrations";
import type { Store } from "../../../app/store/Store";
import { useTempStores } from "../../helpers/tempStore";

/** Enough varied text for an index of a few dozen leaves (a leaf is ~4 KB). */
function contents(count: number): string[] {
  const words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split(" ");
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: 40 }, (_, j) => `${words[(i * 7 + j * 3) % words.length]}${(i * j) % 97}`).join(" "),
  );
}

/** Pages of an FTS5 index's leaf table by kind (SQLite's dbstat): "leaf", "internal", "overflow". */
function pagesOf(store: Store, table: string): Record<string, number> {
  const rows = store.db
    .prepare("SELECT pagetype, count(*) AS pages FROM dbstat WHERE name = ? GROUP BY pagetype")
    .all(table) as { pagetype: string; pages: number }[];
  return Object.fromEntries(rows.map((r) => [r.pagetype, r.pages]));
}

describe("migration 009: search index leaves that fit an encrypted page", () => {
  const temp = useTempStores();
  const key = randomBytes(32);
  const TEXTS = contents(600);

  /**
   * An encrypted file as the previous version left it (schema 8), its messages indexed with
   * FTS5's default leaf size. Written with SQL, not the repositories: they speak today's schema.
   */
  function oldEncryptedFile() {
    const old = new Database(temp.path("tandem.db"));
    applyKey(old, key);
    for (const m of MIGRATIONS.filter((m) => m.version <= 8)) old.exec(m.sql);
    old.pragma("user_version = 8");
    old.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Notes', 1, 1)").run();
    const insert = old.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at) VALUES (?, 'c1', ?, 'user', ?, 'done', ?)",
    );
    old.transaction(() => TEXTS.forEach((content, i) => insert.run(`m${i}`, i, content, i)))();
    old.close();
  }

  const found = (store: Store, query: string) =>
    store.conversations
      .search(query, 1000)
      .map((hit) => hit.messageId)
      .sort();
  const expected = (word: string) =>
    TEXTS.flatMap((text, i) => (text.split(" ").includes(word) ? [`m${i}`] : [])).sort();

  it("rewrites an encrypted file's search index so no leaf spills into an overflow page, and finds the same messages", () => {
    oldEncryptedFile();
    const before = temp.open("tandem.db", { key, migrations: MIGRATIONS.filter((m) => m.version <= 8) });
    // The defect being fixed: with FTS5's default leaf size, leaves overflow the encrypted page.
    expect(pagesOf(before, "messages_fts_data").overflow).toBeGreaterThan(0);
    const foundBefore = ["alpha0", "kilo12", "mike"].map((q) => found(before, q));
    before.close();

    const store = temp.open("tandem.db", { key });
    expect(store.db.pragma("user_version", { simple: true })).toBeGreaterThanOrEqual(9);
    expect(pagesOf(store, "messages_fts_data").overflow).toBeUndefined();
    // FTS5's own check of the rebuilt index against the messages table (throws if they differ).
    store.db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)").run();
    expect(["alpha0", "kilo12", "mike"].map((q) => found(store, q))).toEqual(foundBefore);
    expect(found(store, "kilo12")).toEqual(expected("kilo12"));
    // The context index (attached files) gets the same leaf size for what it writes from now on.
    const leafSize = (table: string) =>
      store.db.prepare(`SELECT v FROM ${table}_config WHERE k = 'pgsz'`).pluck().get();
    expect([leafSize("messages_fts"), leafSize("context_chunks_fts")]).toEqual([3900, 3900]);
  });

  it("keeps the leaves within a page for messages written after the upgrade", () => {
    oldEncryptedFile();
    const store = temp.open("tandem.db", { key });
    for (const content of contents(300))
      store.messages.append({ conversationId: "c1", role: "assistant", content, status: "done" });
    expect(pagesOf(store, "messages_fts_data").overflow).toBeUndefined();
    const again = TEXTS.slice(0, 300).filter((text) => text.split(" ").includes("alpha0")).length;
    expect(found(store, "alpha0")).toHaveLength(expected("alpha0").length + again);
  });
});
