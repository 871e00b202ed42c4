import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "../../../app/contract/types";
import { RANK_WINDOW } from "../../../app/store/MessageSearch";
import type { Store } from "../../../app/store/Store";
import { useTempStores } from "../../helpers/tempStore";

const mark = (word: string) => `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`;

function add(store: Store, conversationId: string, content: string, role: "user" | "assistant" = "user") {
  return store.messages.append({ conversationId, role, content, status: "done" });
}

/** FTS5's own consistency check of the index against the messages table. */
function ftsIsConsistent(store: Store): boolean {
  store.db.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)").run();
  return true;
}

describe("conversations.search", () => {
  const temp = useTempStores();

  it("finds a word in any message of any conversation, with its conversation and a highlighted snippet", () => {
    const store = temp.open();
    const trip = store.conversations.create({ title: "Lisbon trip" });
    const work = store.conversations.create({ title: "Work" });
    add(store, trip.id, "What should I pack for Lisbon in March?");
    const answer = add(store, trip.id, "Pack a light raincoat and comfortable shoes.", "assistant");
    add(store, work.id, "Summarize the quarterly report");
    const hits = store.conversations.search("raincoat");
    expect(hits).toEqual([
      {
        conversationId: trip.id,
        conversationTitle: "Lisbon trip",
        messageId: answer.id,
        role: "assistant",
        snippet: `Pack a light ${mark("raincoat")} and comfortable shoes.`,
        createdAt: answer.createdAt,
      },
    ]);
  });

  it("requires every word, ignores case and accents, and matches the last word as a prefix", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    add(store, id, "The Café on Rua Augusta serves pastéis de nata");
    add(store, id, "A cafe in Porto");
    expect(store.conversations.search("CAFE augusta").map((h) => h.snippet)).toEqual([
      `The ${mark("Café")} on Rua ${mark("Augusta")} serves pastéis de nata`,
    ]);
    expect(store.conversations.search("pasteis")).toHaveLength(1);
    expect(store.conversations.search("porto caf")).toHaveLength(1);
    expect(store.conversations.search("pastry")).toEqual([]);
  });

  it("does not treat one- or two-letter last words as prefixes", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    add(store, id, "kubernetes cluster");
    expect(store.conversations.search("ku")).toEqual([]);
    expect(store.conversations.search("kub")).toHaveLength(1);
  });

  it("ranks messages that use the words more, and more of the rarer word, first", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    const once = add(
      store,
      id,
      "The deploy failed because the kubernetes node was out of disk space and the logs filled up quickly.",
    );
    const often = add(store, id, "Kubernetes, kubernetes, kubernetes: the pods restart.");
    add(store, id, "Nothing to see here.");
    expect(store.conversations.search("kubernetes").map((h) => h.messageId)).toEqual([often.id, once.id]);

    for (let i = 0; i < 30; i++) add(store, id, `the weekly note number ${i} about the garden`);
    const rareTwice = add(store, id, "the zeppelin and another zeppelin");
    const commonTwice = add(store, id, "the zeppelin and the rest");
    expect(store.conversations.search("the zeppelin").map((h) => h.messageId)).toEqual([rareTwice.id, commonTwice.id]);
  });

  it("finds a word deep in a very long message and returns a short snippet", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    const paste = add(store, id, `${"filler text ".repeat(16_000)}the needle is here ${"more filler ".repeat(100)}`);
    const [hit] = store.conversations.search("needle");
    expect(hit?.messageId).toBe(paste.id);
    expect(hit?.snippet).toContain(mark("needle"));
    expect(hit!.snippet.length).toBeLessThan(200);
  });

  it("puts the newer message first when two match equally", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    const older = add(store, id, "same words here");
    const newer = add(store, id, "same words here");
    expect(store.conversations.search("words").map((h) => h.messageId)).toEqual([newer.id, older.id]);
  });

  it("returns at most `limit` hits", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    for (let i = 0; i < 8; i++) add(store, id, `note ${i} about tea`);
    expect(store.conversations.search("tea", 3)).toHaveLength(3);
    expect(store.conversations.search("tea")).toHaveLength(8);
  });

  it("ranks among the newest matches when very many messages match, and still fills the page", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    const all = store.db.transaction(() =>
      Array.from({ length: RANK_WINDOW + 100 }, (_, i) => add(store, id, `entry ${i} mentions coffee`)),
    )();
    const newest = new Set(all.slice(-RANK_WINDOW).map((m) => m.id));
    const hits = store.conversations.search("coffee", 50);
    expect(hits).toHaveLength(50);
    expect(hits.every((h) => newest.has(h.messageId))).toBe(true);
    expect(hits.every((h) => h.snippet.includes(mark("coffee")))).toBe(true);
  });

  // Each is searched as plain words: the count is how many of the one message it should find.
  it.each([
    ['"', 0],
    ['"unbalanced', 0],
    ['""""', 0],
    ["AND OR", 0],
    ["NOT", 0],
    ["*", 0],
    ["apple*", 1],
    ["NEAR(", 1],
    ["NEAR(apple banana, 2)", 0],
    ["content:apple", 0],
    ["-apple", 1],
    ["^apple", 1],
    ["(apple", 1],
    ["apple) OR (1=1", 0],
    ["'; DROP TABLE messages; --", 0],
    ["\\", 0],
    ["🍎🍌", 0],
    ["apple 🍎", 1],
    ["x".repeat(500), 0],
    ["apple ".repeat(100), 1],
    [Array.from({ length: 250 }, (_, i) => `w${i}`).join(" "), 0],
  ])("survives the hostile query %j", (query, expected) => {
    const store = temp.open();
    const { id } = store.conversations.create();
    add(store, id, "An apple and a banana, near the orchard");
    expect(store.conversations.search(query)).toHaveLength(expected);
    expect(store.messages.listForConversation(id)).toHaveLength(1);
  });

  it("finds nothing for an empty, blank or punctuation-only query", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    add(store, id, "something");
    for (const query of ["", "   ", "\n\t", "?!", "— …"]) expect(store.conversations.search(query)).toEqual([]);
  });

  it("keeps the index in step with streamed and edited text", () => {
    const store = temp.open();
    const { id } = store.conversations.create();
    const answer = store.messages.append({ conversationId: id, role: "assistant", content: "", status: "streaming" });
    store.messages.updateContent(answer.id, "Draft about volcanoes");
    expect(store.conversations.search("volcanoes").map((h) => h.messageId)).toEqual([answer.id]);
    store.messages.updateContent(answer.id, "Final text about glaciers");
    expect(store.conversations.search("volcanoes")).toEqual([]);
    expect(store.conversations.search("glaciers")).toHaveLength(1);
    store.messages.finish(answer.id, { content: "Final text about glaciers", status: "done" });
    store.messages.replaceContent(answer.id, "Rewritten about deserts");
    expect(store.conversations.search("glaciers")).toEqual([]);
    expect(store.conversations.search("deserts")).toHaveLength(1);
    expect(ftsIsConsistent(store)).toBe(true);
  });

  it("forgets the messages of a deleted conversation or dropped answers", () => {
    const store = temp.open();
    const gone = store.conversations.create();
    const kept = store.conversations.create();
    add(store, gone.id, "secret plans for the surprise party");
    const question = add(store, kept.id, "party ideas?");
    add(store, kept.id, "a surprise party with balloons", "assistant");
    store.conversations.delete(gone.id);
    expect(store.conversations.search("surprise").map((h) => h.conversationId)).toEqual([kept.id]);
    store.messages.deleteAfter(kept.id, store.messages.seqOf(question.id)!);
    expect(store.conversations.search("surprise")).toEqual([]);
    expect(store.conversations.search("party").map((h) => h.messageId)).toEqual([question.id]);
    expect(ftsIsConsistent(store)).toBe(true);
  });
});
