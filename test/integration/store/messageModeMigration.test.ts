import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../app/store/migrations";
import { useTempStores } from "../../helpers/tempStore";

describe("migration 006: each message's mode", () => {
  const temp = useTempStores();

  /** A file from before 006: a Cloud answer and a Hybrid answer (each with its report), a Private answer (none). */
  function oldFile() {
    const old = new Database(temp.path("tandem.db"));
    for (const m of MIGRATIONS.filter((m) => m.version < 6)) old.exec(m.sql);
    old.pragma("user_version = 5");
    old
      .prepare(
        "INSERT INTO conversations (id, title, mode, created_at, updated_at) VALUES ('c1', 'Mixed', 'cloud', 1, 1)",
      )
      .run();
    const insert = old.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at) VALUES (?, 'c1', ?, ?, ?, 'done', 1)",
    );
    const report = old.prepare(
      "INSERT INTO message_stages (message_id, kind, content, meta) VALUES (?, 'report', 'r', ?)",
    );
    [
      "private question",
      "private answer",
      "hybrid question",
      "hybrid answer",
      "cloud question",
      "cloud answer",
    ].forEach((content, i) => insert.run(`m${i + 1}`, i + 1, i % 2 ? "assistant" : "user", content));
    report.run("m4", JSON.stringify({ mode: "hybrid", bytes: 120 }));
    report.run("m6", JSON.stringify({ mode: "cloud", bytes: 80 }));
    old.close();
  }

  it("gives earlier answers the mode their privacy report names, and leaves the rest unrecorded", () => {
    oldFile();
    const store = temp.open();
    const modes = Object.fromEntries(store.messages.listForConversation("c1").map((m) => [m.content, m.mode ?? null]));
    expect(modes).toEqual({
      "private question": null,
      "private answer": null,
      "hybrid question": null,
      "hybrid answer": "hybrid",
      "cloud question": null,
      "cloud answer": "cloud",
    });
  });

  it("stores the mode given when a message is written, and refuses one nobody knows", () => {
    const store = temp.open();
    const conversation = store.conversations.create({ mode: "cloud" });
    const written = store.messages.append({
      conversationId: conversation.id,
      role: "user",
      content: "hi",
      status: "done",
      mode: "cloud",
    });
    expect(store.messages.get(written.id)?.mode).toBe("cloud");
    expect(() => store.db.prepare("UPDATE messages SET mode = 'everywhere' WHERE id = ?").run(written.id)).toThrow(
      /CHECK/,
    );
  });
});
