import { describe, expect, it } from "vitest";
import { TandemError } from "../../../app/contract/errors";
import { useTempStores } from "../../helpers/tempStore";

describe("conversations", () => {
  const temp = useTempStores();

  it("creates a private, untitled conversation by default", () => {
    const store = temp.open();
    const created = store.conversations.create();
    expect(created).toMatchObject({ title: "New conversation", mode: "private" });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(store.conversations.get(created.id)).toEqual(created);
  });

  it("returns null for an id that does not exist", () => {
    expect(temp.open().conversations.get("nope")).toBeNull();
  });

  it("lists the conversation with the newest message first, ties broken by creation order", () => {
    const store = temp.open();
    const a = store.conversations.create({ title: "A" });
    const b = store.conversations.create({ title: "B" });
    const c = store.conversations.create({ title: "C" });
    expect(store.conversations.list().map((x) => x.title)).toEqual(["C", "B", "A"]);
    store.db.prepare("UPDATE conversations SET updated_at = 1").run(); // make them equally old
    store.messages.append({ conversationId: a.id, role: "user", content: "hello", status: "done" });
    expect(store.conversations.list().map((x) => x.id)).toEqual([a.id, c.id, b.id]);
  });

  it("renames and changes mode without moving the conversation in the list", () => {
    const store = temp.open();
    const first = store.conversations.create({ title: "First" });
    store.conversations.create({ title: "Second" });
    const renamed = store.conversations.rename(first.id, "  Trip   to Lisbon ");
    expect(renamed.title).toBe("Trip to Lisbon");
    expect(store.conversations.setMode(first.id, "hybrid").mode).toBe("hybrid");
    expect(store.conversations.list().map((x) => x.title)).toEqual(["Second", "Trip to Lisbon"]);
    expect(store.conversations.get(first.id)).toMatchObject({ title: "Trip to Lisbon", mode: "hybrid" });
  });

  it("rejects an empty title", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    expect(() => store.conversations.rename(id, "   ")).toThrow(expect.objectContaining({ code: "invalid_request" }));
  });

  it("reports not_found when renaming or changing the mode of a deleted conversation", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    store.conversations.delete(id);
    for (const act of [() => store.conversations.rename(id, "x"), () => store.conversations.setMode(id, "cloud")]) {
      expect(act).toThrow(TandemError);
      expect(act).toThrow(expect.objectContaining({ code: "not_found" }));
    }
  });

  it("deletes a conversation with its messages and stages, and says whether it existed", () => {
    const store = temp.open();
    const keep = store.conversations.create();
    const gone = store.conversations.create();
    const kept = store.messages.append({ conversationId: keep.id, role: "user", content: "keep me", status: "done" });
    const dropped = store.messages.append({
      conversationId: gone.id,
      role: "user",
      content: "drop me",
      status: "done",
    });
    store.db
      .prepare("INSERT INTO message_stages (message_id, kind, content) VALUES (?, 'sketch', 'x')")
      .run(dropped.id);
    expect(store.conversations.delete(gone.id)).toBe(true);
    expect(store.conversations.delete(gone.id)).toBe(false);
    expect(store.messages.get(dropped.id)).toBeNull();
    expect(store.db.prepare("SELECT count(*) FROM message_stages").pluck().get()).toBe(0);
    expect(store.messages.get(kept.id)?.content).toBe("keep me");
    expect(store.conversations.list().map((c) => c.id)).toEqual([keep.id]);
  });
});
