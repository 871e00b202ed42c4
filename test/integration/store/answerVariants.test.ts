import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../app/store/migrations";
import type { Store } from "../../../app/store/Store";
import { useTempStores } from "../../helpers/tempStore";

describe("answer variants and cut answers in the store", () => {
  const temp = useTempStores();

  function exchange(store: Store) {
    const conversation = store.conversations.create();
    const question = store.messages.append({
      conversationId: conversation.id,
      role: "user",
      content: "Write to my landlord",
      status: "done",
    });
    const answer = (content: string) =>
      store.messages.append({
        conversationId: conversation.id,
        role: "assistant",
        content,
        status: "done",
        replyTo: question.id,
      });
    return { conversation, question, answer };
  }

  it("a database from before variants opens with every message shown, in order, and none with variants", () => {
    const raw = new Database(temp.path("old.db"));
    for (const migration of MIGRATIONS.filter((m) => m.version <= 3)) raw.exec(migration.sql);
    raw.pragma("user_version = 3");
    raw.prepare("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Old', 1, 1)").run();
    const insert = raw.prepare(
      "INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at) VALUES (?, 'c1', ?, ?, ?, 'done', 1)",
    );
    ["question", "answer", "follow-up", "second answer"].forEach((content, i) =>
      insert.run(`m${i}`, i + 1, i % 2 ? "assistant" : "user", content),
    );
    raw.close();

    const store = temp.open("old.db");
    const messages = store.messages.listForConversation("c1");
    expect(messages.map((m) => m.content)).toEqual(["question", "answer", "follow-up", "second answer"]);
    expect(messages.every((m) => m.variants === undefined && m.cutAtLimit === undefined)).toBe(true);
    // Regenerate on an old answer keeps it as the first variant.
    store.messages.setAsideAnswers("c1", 3, "m2");
    const again = store.messages.append({
      conversationId: "c1",
      role: "assistant",
      content: "new",
      status: "done",
      replyTo: "m2",
    });
    expect(again.variants).toEqual(["m3", again.id]);
    expect(store.messages.listForConversation("c1").map((m) => m.content)).toEqual([
      "question",
      "answer",
      "follow-up",
      "new",
    ]);
  });

  it("lists only the chosen variant, each carrying the ids of all, oldest first", () => {
    const store = temp.open();
    const { conversation, question, answer } = exchange(store);
    const first = answer("first");
    store.messages.setAsideAnswers(conversation.id, store.messages.seqOf(question.id)!, question.id);
    const second = answer("second");
    expect(store.messages.listForConversation(conversation.id).map((m) => [m.content, m.variants])).toEqual([
      ["Write to my landlord", undefined],
      ["second", [first.id, second.id]],
    ]);
    expect(store.messages.choose(first.id)).toMatchObject({ content: "first", variants: [first.id, second.id] });
    expect(store.messages.listForConversation(conversation.id).map((m) => m.content)).toEqual([
      "Write to my landlord",
      "first",
    ]);
  });

  it("drops an answer with no text (failed, or stopped before its first word) instead of keeping it as a variant", () => {
    const store = temp.open();
    const { conversation, question } = exchange(store);
    const failed = store.messages.append({
      conversationId: conversation.id,
      role: "assistant",
      content: "",
      status: "streaming",
      replyTo: question.id,
    });
    store.messages.finish(failed.id, { content: "", status: "error", error: "The model failed." });
    expect(store.messages.setAsideAnswers(conversation.id, store.messages.seqOf(question.id)!, question.id)).toBe(0);
    expect(store.messages.get(failed.id)).toBeNull();
    const stopped = store.messages.append({
      conversationId: conversation.id,
      role: "assistant",
      content: "",
      status: "streaming",
      replyTo: question.id,
    });
    store.messages.finish(stopped.id, { content: "", status: "stopped" });
    expect(store.messages.setAsideAnswers(conversation.id, store.messages.seqOf(question.id)!, question.id)).toBe(0);
    expect(store.messages.get(stopped.id)).toBeNull();
  });

  it("refuses to choose a question or an answer that has no other versions, saying why", () => {
    const store = temp.open();
    const { question } = exchange(store);
    expect(() => store.messages.choose(question.id)).toThrow(expect.objectContaining({ code: "invalid_request" }));
  });

  it("remembers that an answer was cut at the length limit until it is continued", () => {
    const store = temp.open();
    const { answer } = exchange(store);
    const cut = store.messages.finish(answer("Dear Mr. Smith,").id, {
      content: "Dear Mr. Smith,",
      status: "done",
      cutAtLimit: true,
    });
    expect(cut.cutAtLimit).toBe(true);
    expect(store.messages.restart(cut.id)).toMatchObject({ status: "streaming", content: "Dear Mr. Smith," });
    expect(store.messages.get(cut.id)!.cutAtLimit).toBeUndefined();
  });
});
