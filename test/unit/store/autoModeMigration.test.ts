import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../app/store/migrations";
import { useTempStores } from "./tempStore";

const beforeAuto = MIGRATIONS.filter((m) => m.version < 5);

describe("migration 005: Auto mode", () => {
  const temp = useTempStores();

  /** A file as the previous version left it: a conversation with messages, a stage, a note and a vault entry. */
  function oldFile() {
    const old = temp.open("tandem.db", { migrations: beforeAuto });
    const conversation = old.conversations.create({ title: "Rent letter", mode: "hybrid" });
    const user = old.messages.append({ conversationId: conversation.id, role: "user", content: "Write to my landlord", status: "done" });
    const answer = old.messages.append({ conversationId: conversation.id, role: "assistant", content: "Dear landlord", status: "done" });
    old.stages.put(answer.id, { kind: "sketch", content: "draft", meta: null });
    old.db.prepare("INSERT INTO vault (conversation_id, placeholder, type, value, created_at) VALUES (?, '[PERSON_1]', 'PERSON', 'Derek Pollard', 0)").run(conversation.id);
    old.close();
    return { conversation, user, answer };
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
    expect(() => store.db.prepare("UPDATE conversations SET mode = 'everywhere' WHERE id = ?").run(conversation.id)).toThrow(/CHECK/);
  });
});
