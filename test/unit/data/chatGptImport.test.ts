import { afterEach, describe, expect, it } from "vitest";
import { importIntoDatabase, parseImportText } from "../../../app/data";
import { Store } from "../../../app/store/Store";
import { count } from "./seedData";

type Node = { id: string; message: unknown; parent: string | null; children: string[] };

/** A message node as ChatGPT writes it (only the fields that matter, plus some noise). */
function node(
  id: string,
  parent: string | null,
  children: string[],
  role: string | null,
  text: string | null,
  time: number,
  extra: Record<string, unknown> = {},
): Node {
  const message =
    role === null
      ? null
      : {
          id,
          author: { role, name: null, metadata: {} },
          create_time: time,
          update_time: null,
          content: { content_type: "text", parts: text === null ? [] : [text] },
          status: "finished_successfully",
          end_turn: true,
          weight: 1,
          metadata: {},
          recipient: "all",
          ...extra,
        };
  return { id, message, parent, children };
}

/**
 * A conversation with a system prompt, a question the user edited (two children of the system
 * node), two answers to the edited question (regenerated: two children again), a tool call and a
 * hidden message. current_node points at the end of the edited branch's second answer's follow-up.
 */
function branchedConversation() {
  const nodes = [
    node("root", null, ["sys"], null, null, 0),
    node("sys", "root", ["q-old", "q-new"], "system", "You are ChatGPT.", 1_700_000_000),
    node("q-old", "sys", ["a-old"], "user", "How do I bake bread?", 1_700_000_010),
    node("a-old", "q-old", [], "assistant", "Old answer about bread.", 1_700_000_020),
    node("q-new", "sys", ["a-new-1", "a-new-2"], "user", "How do I bake sourdough bread?", 1_700_000_030),
    node("a-new-1", "q-new", [], "assistant", "First try at sourdough.", 1_700_000_040),
    node("a-new-2", "q-new", ["tool"], "assistant", "Feed your starter the night before.", 1_700_000_050),
    node("tool", "a-new-2", ["hidden"], "assistant", "search('sourdough hydration')", 1_700_000_055, {
      recipient: "browser",
      content: { content_type: "code", text: "search()" },
    }),
    node("hidden", "tool", ["empty"], "user", "context the UI hides", 1_700_000_056, {
      metadata: { is_visually_hidden_from_conversation: true },
    }),
    node("empty", "hidden", ["q2"], "assistant", "   ", 1_700_000_057),
    node("q2", "empty", ["a2"], "user", "And the oven temperature?", 1_700_000_060),
    node("a2", "q2", [], "assistant", "Bake at 250 °C with steam.", 1_700_000_070.5),
  ];
  return {
    title: "Sourdough",
    create_time: 1_700_000_000.25,
    update_time: 1_700_000_070.5,
    mapping: Object.fromEntries(nodes.map((n) => [n.id, n])),
    current_node: "a2",
    conversation_id: "6f1c0c7e-0000-4000-8000-000000000001",
    id: "6f1c0c7e-0000-4000-8000-000000000001",
    default_model_slug: "gpt-4o",
    moderation_results: [],
  };
}

describe("importing a ChatGPT export (conversations.json)", () => {
  const stores: Store[] = [];
  const open = () => {
    const store = Store.openInMemory();
    stores.push(store);
    return store;
  };
  afterEach(() => stores.splice(0).forEach((s) => s.close()));
  const importJson = async (store: Store, value: unknown) =>
    importIntoDatabase(store.db, await parseImportText(JSON.stringify(value), "conversations"));

  it("imports the current branch in order, skipping the system prompt, the abandoned edit, the other answer, tool calls, hidden and empty messages", async () => {
    const store = open();
    const summary = await importJson(store, [branchedConversation()]);
    expect(summary).toMatchObject({ source: "chatgpt", conversationsImported: 1, messagesImported: 4 });
    const [conversation] = store.conversations.list();
    expect(conversation).toMatchObject({
      id: "6f1c0c7e-0000-4000-8000-000000000001",
      title: "Sourdough",
      mode: "private",
      createdAt: 1_700_000_000_250,
      updatedAt: 1_700_000_070_500,
    });
    const messages = store.messages.listForConversation(conversation!.id);
    expect(messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "How do I bake sourdough bread?"],
      ["assistant", "Feed your starter the night before."],
      ["user", "And the oven temperature?"],
      ["assistant", "Bake at 250 °C with steam."],
    ]);
    expect(messages.map((m) => m.id)).toEqual(["q-new", "a-new-2", "q2", "a2"]);
    expect(messages.map((m) => m.status)).toEqual(["done", "done", "done", "done"]);
    expect(messages[0]!.createdAt).toBe(1_700_000_030_000);
  });

  it("follows the other branch when current_node points there", async () => {
    const store = open();
    await importJson(store, [{ ...branchedConversation(), current_node: "a-old" }]);
    const [conversation] = store.conversations.list();
    expect(store.messages.listForConversation(conversation!.id).map((m) => m.content)).toEqual([
      "How do I bake bread?",
      "Old answer about bread.",
    ]);
  });

  it("uses the latest leaf when current_node is missing", async () => {
    const store = open();
    const { current_node: _ignored, ...withoutCurrent } = branchedConversation();
    await importJson(store, [withoutCurrent]);
    const [conversation] = store.conversations.list();
    expect(store.messages.listForConversation(conversation!.id).at(-1)?.content).toBe("Bake at 250 °C with steam.");
  });

  it("keeps only the text parts of a message with an image", async () => {
    const store = open();
    const c = branchedConversation();
    (c.mapping["q2"]!.message as { content: unknown }).content = {
      content_type: "multimodal_text",
      parts: [{ content_type: "image_asset_pointer", asset_pointer: "file-service://x" }, "What about this crust?"],
    };
    await importJson(store, [c]);
    const [conversation] = store.conversations.list();
    expect(store.messages.listForConversation(conversation!.id)[2]!.content).toBe("What about this crust?");
  });

  it("imports every conversation of the file, and nothing again on a second import", async () => {
    const store = open();
    const second = {
      ...branchedConversation(),
      title: "Second",
      conversation_id: "6f1c0c7e-0000-4000-8000-000000000002",
      id: undefined,
    };
    // Node ids repeat across these two conversations: message ids must stay unique anyway.
    await importJson(store, [branchedConversation(), second]);
    expect(
      store.conversations
        .list()
        .map((c) => c.title)
        .sort(),
    ).toEqual(["Second", "Sourdough"]);
    expect(count(store.db, "messages")).toBe(8);
    const again = await importJson(store, [branchedConversation(), second]);
    expect(again).toMatchObject({ conversationsImported: 0, conversationsSkipped: 2 });
    expect(count(store.db, "messages")).toBe(8);
  });

  it("refuses a file whose mapping is not a message tree, importing nothing", async () => {
    const store = open();
    await expect(
      importJson(store, [branchedConversation(), { title: "Broken", mapping: { a: { message: { author: "user" } } } }]),
    ).rejects.toMatchObject({
      code: "import_invalid",
      message: expect.stringMatching(/Conversation 2 of this ChatGPT export.*Nothing was imported/),
    });
    expect(count(store.db, "conversations")).toBe(0);
  });

  it("survives a parent cycle in a damaged file without looping forever", async () => {
    const store = open();
    const c = branchedConversation();
    c.mapping["sys"]!.parent = "a2";
    await importJson(store, [c]);
    expect(count(store.db, "messages")).toBe(4);
  });
});
