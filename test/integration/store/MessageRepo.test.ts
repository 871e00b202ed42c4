import { describe, expect, it } from "vitest";
import type { Store } from "../../../app/store/Store";
import { useTempStores } from "../../helpers/tempStore";

function conversationWith(store: Store, ...contents: string[]) {
  const conversation = store.conversations.create();
  const messages = contents.map((content, i) =>
    store.messages.append({
      conversationId: conversation.id,
      role: i % 2 === 0 ? "user" : "assistant",
      content,
      status: "done",
    }),
  );
  return { conversation, messages };
}

describe("messages", () => {
  const temp = useTempStores();

  it("appends messages in order, numbering them within their conversation", () => {
    const store = temp.open();
    const { conversation, messages } = conversationWith(store, "one", "two", "three");
    conversationWith(store, "elsewhere");
    expect(store.messages.listForConversation(conversation.id).map((m) => m.content)).toEqual(["one", "two", "three"]);
    expect(messages.map((m) => store.messages.seqOf(m.id))).toEqual([1, 2, 3]);
    expect(messages[0]).toMatchObject({
      role: "user",
      status: "done",
      stats: null,
      error: null,
      modelId: null,
      conversationId: conversation.id,
    });
    expect(store.messages.get(messages[1]!.id)).toEqual(messages[1]);
  });

  it("moves the conversation to the top of the list when a message is appended", () => {
    const store = temp.open();
    const older = store.conversations.create({ title: "older" });
    store.conversations.create({ title: "newer" });
    store.db.prepare("UPDATE conversations SET updated_at = 1").run();
    const appended = store.messages.append({ conversationId: older.id, role: "user", content: "hi", status: "done" });
    expect(store.conversations.list()[0]).toMatchObject({ id: older.id, updatedAt: appended.createdAt });
  });

  it("refuses to append to a conversation that does not exist", () => {
    const store = temp.open();
    expect(() =>
      store.messages.append({ conversationId: "gone", role: "user", content: "hi", status: "done" }),
    ).toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("returns null or nothing for ids that do not exist", () => {
    const store = temp.open();
    expect(store.messages.get("nope")).toBeNull();
    expect(store.messages.seqOf("nope")).toBeNull();
    expect(store.messages.listForConversation("nope")).toEqual([]);
    expect(store.messages.updateContent("nope", "x")).toBe(false);
  });

  it("flushes streamed text and finishes the answer with its status, stats and model", () => {
    const store = temp.open();
    const { conversation } = conversationWith(store, "question");
    const answer = store.messages.append({
      conversationId: conversation.id,
      role: "assistant",
      content: "",
      status: "streaming",
      modelId: "m1",
    });
    expect(store.messages.updateContent(answer.id, "Partial ans")).toBe(true);
    expect(store.messages.get(answer.id)).toMatchObject({ content: "Partial ans", status: "streaming" });
    const stats = { tokens: 42, tokensPerSecond: 12.5, timeToFirstTokenMs: 310 };
    const finished = store.messages.finish(answer.id, { content: "Partial answer, complete.", status: "done", stats });
    expect(finished).toMatchObject({
      content: "Partial answer, complete.",
      status: "done",
      stats,
      modelId: "m1",
      error: null,
    });
    expect(store.messages.get(answer.id)).toEqual(finished);
  });

  it("keeps the reason when an answer fails, and stats may be absent", () => {
    const store = temp.open();
    const { conversation } = conversationWith(store, "question");
    const answer = store.messages.append({
      conversationId: conversation.id,
      role: "assistant",
      content: "",
      status: "streaming",
    });
    const failed = store.messages.finish(answer.id, {
      content: "",
      status: "error",
      error: "The model ran out of memory.",
    });
    expect(failed).toMatchObject({ status: "error", error: "The model ran out of memory.", stats: null });
  });

  it("reports not_found when finishing or editing a message that is gone", () => {
    const store = temp.open();
    expect(() => store.messages.finish("gone", { content: "x", status: "done" })).toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    expect(() => store.messages.replaceContent("gone", "x")).toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("edits the last user message and drops everything after it", () => {
    const store = temp.open();
    const { conversation, messages } = conversationWith(
      store,
      "first question",
      "first answer",
      "second question",
      "second answer",
    );
    const lastUser = messages[2]!;
    expect(store.messages.deleteAfter(conversation.id, store.messages.seqOf(lastUser.id)!)).toBe(1);
    const edited = store.messages.replaceContent(lastUser.id, "second question, rephrased");
    expect(edited).toMatchObject({ id: lastUser.id, content: "second question, rephrased", status: "done" });
    expect(store.messages.listForConversation(conversation.id).map((m) => m.content)).toEqual([
      "first question",
      "first answer",
      "second question, rephrased",
    ]);
    const next = store.messages.append({
      conversationId: conversation.id,
      role: "assistant",
      content: "new answer",
      status: "done",
    });
    expect(store.messages.seqOf(next.id)).toBe(4);
  });

  it("marks answers left streaming by a crash as interrupted, and only those", () => {
    const before = temp.open();
    const { conversation } = conversationWith(before, "question");
    const streaming = before.messages.append({
      conversationId: conversation.id,
      role: "assistant",
      content: "half an ans",
      status: "streaming",
    });
    const done = before.messages.append({
      conversationId: conversation.id,
      role: "assistant",
      content: "whole",
      status: "done",
    });
    before.close();
    const after = temp.open();
    expect(after.messages.markInterrupted()).toBe(1);
    expect(after.messages.get(streaming.id)).toMatchObject({ status: "interrupted", content: "half an ans" });
    expect(after.messages.get(done.id)?.status).toBe("done");
    expect(after.messages.markInterrupted()).toBe(0);
  });
});
