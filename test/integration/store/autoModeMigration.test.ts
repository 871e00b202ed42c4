import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../app/store/migrations";
import { useTempStores } from "../../helpers/tempStore";

describe("migration 005: Auto mode", () => {
  const temp = useTempStores();

  /**
   * A file as the previous version left it: a conversation with messages, a stage, a note and a
   * vault entry. Written with SQL, not the repositories: they speak today's schema.
   */
  function oldFile() {
    const old = new Database(temp.path("tandem.db"));
    for (const m of MIGRATIONS.filter((m) => m.version < 5)) old.exec(m.sql);
    old.pragma("user_version = 4");
    const conversation = { id: "c1" };
    old
      .prepare(
        "INSERT INTO conversations (id, title, mode, created_at, updated_at) VALUES ('c1', 'Rent letter', 'hybrid', 1, 1)",
      )
      .run();
    const insert = old.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at) VALUES (?, 'c1', ?, ?, ?, 'done', 1)",
    );
    insert.run("m1", 1, "user", "Write to my landlord");
    insert.run("m2", 2, "assistant", "Dear landlord");
    old
      .prepare("INSERT INTO message_stages (message_id, kind, content, meta) VALUES ('m2', 'sketch', 'draft', NULL)")
      .run();
    old
      .prepare(
        "INSERT INTO vault (conversation_id, placeholder, type, value, created_at) VALUES ('c1', '[PERSON_1]', 'PERSON', 'Derek Pollard', 0)",
      )
      .run();
    old.close();
    return { conversation, user: { id: "m1" }, answer: { id: "m2" } };
  }

  it("keeps every conversation, message, stage and vault entry while allowing the mode 'auto'", () => {
    const { conversation, user, answer } = oldFile();
    const store = temp.open();
    expect(store.conversations.get(conversation.id)).toMatchObject({ title: "Rent letter", mode: "hybrid" });
    expect(store.messages.listForConversation(conversation.id).map((m) => m.id)).toEqual([user.id, answer.id]);
    expect(store.stages.list(answer.id)).toHaveLength(1);
    expect(store.conversations.setMode(conversation.id, "auto").mode).toBe("auto");
    expect(store.conversations.create({ mode: "auto" }).mode).toBe("auto");
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("still deletes a conversation's messages and vault with it after the rebuild", () => {
    const { conversation } = oldFile();
    const store = temp.open();
    store.conversations.delete(conversation.id);
    expect(store.db.prepare("SELECT COUNT(*) FROM messages").pluck().get()).toBe(0);
    expect(store.db.prepare("SELECT COUNT(*) FROM message_stages").pluck().get()).toBe(0);
    expect(store.db.prepare("SELECT COUNT(*) FROM vault").pluck().get()).toBe(0);
  });

  it("still refuses a mode nobody knows", () => {
    const store = temp.open();
    const conversation = store.conversations.create();
    expect(() =>
      store.db.prepare("UPDATE conversations SET mode = 'everywhere' WHERE id = ?").run(conversation.id),
    ).toThrow(/CHECK/);
  });
});
