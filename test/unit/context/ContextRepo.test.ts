import { describe, expect, it } from "vitest";
import { TandemError } from "../../../app/contract/errors";
import { MAX_TEXT_CHARS } from "../../../app/context/ContextRepo";
import { checkFtsIntegrity, ftsIndexedRows, useContextStore } from "./contextStore";

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof TandemError) return error.code;
    throw error;
  }
  throw new Error("expected a TandemError");
}

describe("context items", () => {
  const open = useContextStore();

  it("stores a note with a cleaned title, indexes its chunks and lists it without its text", () => {
    const { context } = open({ targetTokens: 20 });
    const text = Array.from(
      { length: 8 },
      (_, i) => `Paragraph ${i} is about the garden and the roses we planted.`,
    ).join("\n\n");
    const item = context.items.add({ title: "  Garden \n notes ", text });
    expect(item).toMatchObject({
      title: "Garden notes",
      kind: "note",
      scope: "global",
      conversationId: null,
      sourceName: null,
      text,
      chars: text.length,
    });
    expect(context.items.chunks(item.id).length).toBeGreaterThan(2);
    const { text: _text, ...summary } = item;
    expect(context.items.list()).toEqual([summary]);
  });

  it("titles an untitled note by its first line", () => {
    const { context } = open();
    expect(context.items.add({ title: " ", text: "Call the plumber\nabout the leak" }).title).toBe("Call the plumber");
  });

  it("refuses an empty note and one above the size limit", () => {
    const { context } = open();
    expect(codeOf(() => context.items.add({ title: "x", text: " \n\u0000 " }))).toBe("context_empty");
    expect(codeOf(() => context.items.add({ title: "x", text: "a".repeat(MAX_TEXT_CHARS + 1) }))).toBe("too_large");
    expect(context.items.list()).toEqual([]);
  });

  it("refuses to attach an item to a conversation that does not exist", () => {
    const { context } = open();
    expect(codeOf(() => context.items.add({ title: "x", text: "text", conversationId: "missing" }))).toBe("not_found");
    expect(context.items.list()).toEqual([]);
  });

  it("re-indexes an edited text: old words are no longer found, new ones are", () => {
    const { store, context } = open();
    const item = context.items.add({ title: "Wifi", text: "The wifi password is bluebird." });
    expect(context.retrieveContext({ conversationId: null, query: "bluebird", budgetTokens: 500 }).items).toHaveLength(
      1,
    );
    const updated = context.items.update(item.id, { text: "The wifi password is now starling." });
    expect(updated.text).toBe("The wifi password is now starling.");
    expect(context.retrieveContext({ conversationId: null, query: "bluebird", budgetTokens: 500 }).items).toEqual([]);
    expect(
      context.retrieveContext({ conversationId: null, query: "starling", budgetTokens: 500 }).items[0]?.itemId,
    ).toBe(item.id);
    expect(context.items.update(item.id, { title: "Home wifi" }).title).toBe("Home wifi");
    checkFtsIntegrity(store);
  });

  it("removes an item with its chunks and their index entries", () => {
    const { store, context } = open({ targetTokens: 10 });
    const keep = context.items.add({ title: "Keep", text: "Roses need water every morning." });
    const gone = context.items.add({ title: "Gone", text: "The safe code is 4711. ".repeat(20) });
    const conversation = store.conversations.create();
    context.items.setEnabled(conversation.id, gone.id, false);
    expect(context.items.remove(gone.id)).toBe(true);
    expect(context.items.remove(gone.id)).toBe(false);
    expect(context.items.get(gone.id)).toBeNull();
    expect(context.items.chunks(gone.id)).toEqual([]);
    expect(ftsIndexedRows(store)).toBe(context.items.chunks(keep.id).length);
    expect(store.db.prepare("SELECT count(*) AS n FROM conversation_context").get()).toEqual({ n: 0 });
    checkFtsIntegrity(store);
  });

  it("deletes a conversation's own items (chunks, index, toggles) with the conversation, and keeps global ones", () => {
    const { store, context } = open({ targetTokens: 10 });
    const conversation = store.conversations.create();
    const global = context.items.add({ title: "Global", text: "Global note about the cat." });
    const own = context.items.add({
      title: "Own",
      text: "Private plan for the surprise party. ".repeat(10),
      conversationId: conversation.id,
    });
    context.items.setEnabled(conversation.id, global.id, false);
    expect(store.conversations.delete(conversation.id)).toBe(true);
    expect(context.items.get(own.id)).toBeNull();
    expect(context.items.chunks(own.id)).toEqual([]);
    expect(context.items.get(global.id)).not.toBeNull();
    expect(ftsIndexedRows(store)).toBe(context.items.chunks(global.id).length);
    expect(store.db.prepare("SELECT count(*) AS n FROM conversation_context").get()).toEqual({ n: 0 });
    checkFtsIntegrity(store);
  });

  it("lists what a conversation can use with its on/off state", () => {
    const { store, context } = open();
    const [a, b] = [store.conversations.create(), store.conversations.create()];
    const global = context.items.add({ title: "Global", text: "g" });
    const ownA = context.items.add({ title: "Own A", text: "a", conversationId: a.id });
    const ownB = context.items.add({ title: "Own B", text: "b", conversationId: b.id });
    context.items.setEnabled(a.id, global.id, false);
    context.items.setEnabled(a.id, ownB.id, true);
    const states = Object.fromEntries(
      context.items.listForConversation(a.id).map((item) => [item.title, item.enabled]),
    );
    expect(states).toEqual({ Global: false, "Own A": true, "Own B": true });
    expect(context.items.listForConversation(b.id).map((item) => [item.id, item.enabled])).toEqual([
      [ownB.id, true],
      [global.id, true],
    ]);
    expect(ownA.scope).toBe("conversation");
  });

  it("refuses a toggle for an item or conversation that does not exist", () => {
    const { store, context } = open();
    const conversation = store.conversations.create();
    expect(codeOf(() => context.items.setEnabled(conversation.id, "missing", true))).toBe("not_found");
    const item = context.items.add({ title: "x", text: "y" });
    expect(codeOf(() => context.items.setEnabled("missing", item.id, false))).toBe("not_found");
  });
});
