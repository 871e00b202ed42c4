import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../app/store/migrations";
import { useTempStores } from "../../helpers/tempStore";

describe("migration 008: search prefix indexes for 5 to 7 letters", () => {
  const temp = useTempStores();

  const CONTENTS = [
    "Python packaging notes for the scheduler",
    "The pythonic way to schedule a meeting",
    "Scheduling tomorrow's meetings at the Café",
    "A résumé draft, nothing else",
  ];

  /**
   * A file as the previous version left it: messages indexed by the old search index (prefixes of
   * 3 and 4 letters only). Written with SQL, not the repositories: they speak today's schema.
   */
  function oldFile() {
    const old = new Database(temp.path("tandem.db"));
    for (const m of MIGRATIONS.filter((m) => m.version < 7)) old.exec(m.sql);
    old.pragma("user_version = 6");
    old.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Planning', 1, 1)").run();
    const insert = old.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at) VALUES (?, 'c1', ?, 'user', ?, 'done', ?)",
    );
    CONTENTS.forEach((content, i) => insert.run(`m${i + 1}`, i + 1, content, i + 1));
    old.close();
  }

  const found = (store: ReturnType<typeof temp.open>, query: string) =>
    store.conversations
      .search(query)
      .map((hit) => hit.messageId)
      .sort();

  it("rebuilds the index with 5-, 6- and 7-letter prefixes and finds every earlier message as before", () => {
    oldFile();
    const store = temp.open();
    expect(store.db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    const sql = store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").pluck().get();
    expect(sql).toMatch(/prefix='3 4 5 6 7'/);
    // FTS5's own check of the rebuilt index against the messages table (throws if they differ).
    store.db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)").run();
    expect(store.messages.listForConversation("c1").map((m) => m.content)).toEqual(CONTENTS);
    expect(found(store, "pyth")).toEqual(["m1", "m2"]);
    expect(found(store, "pytho")).toEqual(["m1", "m2"]);
    expect(found(store, "python")).toEqual(["m1", "m2"]);
    expect(found(store, "pythoni")).toEqual(["m2"]);
    expect(found(store, "sched")).toEqual(["m1", "m2", "m3"]);
    expect(found(store, "schedul")).toEqual(["m1", "m2", "m3"]);
    expect(found(store, "scheduler")).toEqual(["m1"]);
    expect(found(store, "meetings tomorr")).toEqual(["m3"]);
    expect(found(store, "cafe resume")).toEqual([]);
    expect(found(store, "resume")).toEqual(["m4"]);
  });

  it("keeps the rebuilt index in step with messages written, edited and deleted after the upgrade", () => {
    oldFile();
    const store = temp.open();
    const added = store.messages.append({
      conversationId: "c1",
      role: "user",
      content: "Remember the photosynthesis homework",
      status: "done",
    });
    expect(found(store, "photos")).toEqual([added.id]);
    store.messages.updateContent(added.id, "Remember the chlorophyll homework");
    expect(found(store, "photos")).toEqual([]);
    expect(found(store, "chloro")).toEqual([added.id]);
    store.conversations.delete("c1");
    expect(found(store, "python")).toEqual([]);
    expect(found(store, "chloro")).toEqual([]);
    store.db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)").run();
  });
});
