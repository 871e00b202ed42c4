import { describe, expect, it } from "vitest";
import type { Message } from "../../../../app/contract/types";
import {
  appendExchange,
  appendToken,
  mergeLoaded,
  replaceLastAnswer,
  reopenAnswer,
  replaceLastExchange,
  showVariant,
  upsertMessage,
  placeHeldPieces,
  withHeldPieces,
} from "../../../../renderer/src/stores/messageReducers";

const msg = (id: string, role: Message["role"], content: string, status: Message["status"] = "done"): Message => ({
  id,
  conversationId: "c1",
  role,
  content,
  status,
  createdAt: 0,
  stats: null,
  error: null,
  modelId: null,
});
const ids = (messages: Message[]) => messages.map((m) => m.id);

describe("message list reducers", () => {
  it("appends streamed tokens to the answer being written", () => {
    const list = [msg("u1", "user", "hi"), msg("a1", "assistant", "Hel", "streaming")];
    expect(appendToken(list, "a1", { text: "lo" })![1]!.content).toBe("Hello");
    expect(appendToken(list, "a1", { text: "lo", offset: 3 })![1]!.content).toBe("Hello");
  });

  it("reports a token for an unknown message so it can wait for its message", () => {
    expect(appendToken([msg("u1", "user", "hi")], "a9", { text: "x" })).toBeNull();
    const early = [
      { text: "early ", offset: 0 },
      { text: "text", offset: 6 },
    ];
    expect(withHeldPieces(msg("a9", "assistant", "", "streaming"), early)).toEqual({
      message: msg("a9", "assistant", "early text", "streaming"),
      rest: [],
    });
  });

  it("keeps each piece once when a reload already brought part of it", () => {
    const list = [msg("a1", "assistant", "Dear landl", "streaming")];
    expect(appendToken(list, "a1", { text: "landlord,", offset: 5 })![0]!.content).toBe("Dear landlord,");
    expect(appendToken(list, "a1", { text: "Dear ", offset: 0 })![0]!.content).toBe("Dear landl");
  });

  it("holds a piece that starts past the text shown until a reload brings the pieces missed before it", () => {
    const shown = [msg("u1", "user", "q"), msg("a1", "assistant", "Dear ", "streaming")];
    // " heating" starts at 18: "landlord, the" was sent while the event stream was down.
    expect(appendToken(shown, "a1", { text: " heating", offset: 18 })).toBeNull();
    const held = {
      a1: [
        { text: " heating", offset: 18 },
        { text: " is", offset: 26 },
      ],
    };
    const reloaded = mergeLoaded(shown, [
      msg("u1", "user", "q"),
      msg("a1", "assistant", "Dear landlord, the", "streaming"),
    ]);
    expect(placeHeldPieces(reloaded, held)).toEqual({
      messages: [msg("u1", "user", "q"), msg("a1", "assistant", "Dear landlord, the heating is", "streaming")],
      held: {},
    });
    // A reload that is itself behind leaves them waiting; a finished answer has its whole text.
    expect(placeHeldPieces(shown, held).held).toEqual(held);
    expect(withHeldPieces(msg("a1", "assistant", "Dear landlord.", "done"), held.a1).rest).toEqual([]);
  });

  it("ignores a late token once the final copy of the answer has arrived", () => {
    const list = [msg("a1", "assistant", "Hello", "done")];
    expect(appendToken(list, "a1", { text: "lo" })![0]!.content).toBe("Hello");
  });

  it("never lets an older streaming snapshot shorten text already streamed", () => {
    const list = [msg("a1", "assistant", "Hello wor", "streaming")];
    expect(upsertMessage(list, msg("a1", "assistant", "Hel", "streaming"))[0]!.content).toBe("Hello wor");
  });

  it("never turns a finished answer back into a streaming one when a reply arrives late", () => {
    const list = [msg("a1", "assistant", "Partial", "stopped")];
    const next = upsertMessage(list, msg("a1", "assistant", "", "streaming"));
    expect(next[0]).toMatchObject({ status: "stopped", content: "Partial" });
  });

  it("lets the final copy replace the streamed text (it is authoritative)", () => {
    const list = [msg("a1", "assistant", "Hello world and more", "streaming")];
    expect(upsertMessage(list, msg("a1", "assistant", "Hello", "stopped"))[0]).toMatchObject({
      content: "Hello",
      status: "stopped",
    });
  });

  it("puts a question before its answer even when the answer's event arrived first", () => {
    const list = [
      msg("u0", "user", "old"),
      msg("a0", "assistant", "old"),
      msg("a1", "assistant", "Hi th", "streaming"),
    ];
    const next = appendExchange(list, msg("u1", "user", "new"), msg("a1", "assistant", "", "streaming"));
    expect(ids(next)).toEqual(["u0", "a0", "u1", "a1"]);
    expect(next[3]!.content).toBe("Hi th");
  });

  it("replaces the last answer on Regenerate and keeps earlier turns", () => {
    const list = [
      msg("u0", "user", "q0"),
      msg("a0", "assistant", "r0"),
      msg("u1", "user", "q1"),
      msg("a1", "assistant", "old answer"),
    ];
    expect(ids(replaceLastAnswer(list, msg("a2", "assistant", "", "streaming")))).toEqual(["u0", "a0", "u1", "a2"]);
  });

  it("replaces the last question and its answer on Edit, whether or not the question keeps its id", () => {
    const list = [
      msg("u0", "user", "q0"),
      msg("a0", "assistant", "r0"),
      msg("u1", "user", "typo"),
      msg("a1", "assistant", "answer"),
    ];
    const sameId = replaceLastExchange(list, msg("u1", "user", "fixed"), msg("a2", "assistant", "", "streaming"));
    expect(ids(sameId)).toEqual(["u0", "a0", "u1", "a2"]);
    expect(sameId[2]!.content).toBe("fixed");
    const newId = replaceLastExchange(list, msg("u2", "user", "fixed"), msg("a2", "assistant", "", "streaming"));
    expect(ids(newId)).toEqual(["u0", "a0", "u2", "a2"]);
  });

  it("takes a reloaded conversation as the truth but keeps text streamed since its snapshot", () => {
    const current = [
      msg("u1", "user", "q"),
      msg("a1", "assistant", "streamed far", "streaming"),
      msg("gone", "user", "deleted elsewhere"),
    ];
    const loaded = [msg("u1", "user", "q"), msg("a1", "assistant", "stream", "streaming")];
    const merged = mergeLoaded(current, loaded);
    expect(ids(merged)).toEqual(["u1", "a1"]);
    expect(merged[1]!.content).toBe("streamed far");
  });

  it("shows a chosen variant in place of the one on screen, wherever it is in the list", () => {
    const list = [
      msg("u1", "user", "q"),
      { ...msg("a2", "assistant", "second"), variants: ["a1", "a2"] },
      msg("u2", "user", "next"),
    ];
    const chosen = { ...msg("a1", "assistant", "first"), variants: ["a1", "a2"] };
    expect(showVariant(list, chosen).map((m) => m.content)).toEqual(["q", "first", "next"]);
  });

  it("reopens a cut answer for Continue so streamed tokens append to its text", () => {
    const list = [msg("u1", "user", "q"), { ...msg("a1", "assistant", "Dear Mr. Smith,"), cutAtLimit: true }];
    const reopened = reopenAnswer(list, "a1");
    expect(reopened[1]).toMatchObject({ status: "streaming", cutAtLimit: false });
    expect(appendToken(reopened, "a1", { text: " the heating", offset: 15 })![1]!.content).toBe(
      "Dear Mr. Smith, the heating",
    );
  });
});
