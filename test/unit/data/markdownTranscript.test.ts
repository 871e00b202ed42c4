import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown from "react-markdown";
import { afterEach, describe, expect, it } from "vitest";
import { conversationToMarkdown, exportConversation, importIntoDatabase, parseImportText } from "../../../app/data";
import type { ExportedConversation } from "../../../app/data";
import { Store } from "../../../app/store/Store";

function conversation(
  messages: Array<
    [ExportedConversation["messages"][number]["role"], string, ExportedConversation["messages"][number]["status"]?]
  >,
): ExportedConversation {
  return {
    id: "c1",
    title: "Trip to Lisbon",
    mode: "hybrid",
    strategy: "sketch-refine",
    createdAt: Date.UTC(2025, 0, 31, 9),
    updatedAt: Date.UTC(2025, 0, 31, 10),
    vault: [],
    messages: messages.map(([role, content, status = "done"], i) => ({
      id: `m${i}`,
      role,
      content,
      status,
      createdAt: i,
      stats: null,
      error: status === "error" ? "The model failed." : null,
      modelId: null,
      stages: [],
    })),
  };
}

describe("Markdown transcripts", () => {
  const stores: Store[] = [];
  afterEach(() => stores.splice(0).forEach((s) => s.close()));

  it("writes the title, the mode and each message under a role heading", () => {
    const md = conversationToMarkdown(
      conversation([
        ["user", "Plan two days in Lisbon."],
        ["assistant", "Day 1: Alfama.\n\nDay 2: Belém."],
        ["assistant", "Half", "stopped"],
        ["assistant", "", "error"],
      ]),
    );
    expect(md).toBe(
      [
        "# Trip to Lisbon",
        "",
        "- Mode: Hybrid",
        "- Started: 2025-01-31T09:00:00.000Z",
        "- Exported from Tandem",
        "",
        "## User",
        "",
        "Plan two days in Lisbon.",
        "",
        "## Assistant",
        "",
        "Day 1: Alfama.",
        "",
        "Day 2: Belém.",
        "",
        "## Assistant (stopped)",
        "",
        "Half",
        "",
        "## Assistant (error)",
        "",
        "",
        "",
        "> The model failed.",
        "",
      ].join("\n"),
    );
  });

  it("reads its own transcript back into the same messages, even when a message contains a role heading", async () => {
    const original = conversation([
      ["user", "Show me a transcript format."],
      ["assistant", "Like this:\n## User\nhello\n\\## Assistant\nhi"],
      ["assistant", "Cut", "stopped"],
    ]);
    const file = await parseImportText(conversationToMarkdown(original), "trip");
    expect(file.source).toBe("markdown");
    const [read] = file.data.conversations;
    expect(read).toMatchObject({ title: "Trip to Lisbon", mode: "private", createdAt: original.createdAt });
    expect(read!.messages.map((m) => [m.role, m.content, m.status])).toEqual(
      original.messages.map((m) => [m.role, m.content, m.status]),
    );
  });

  it("keeps a letter's line breaks for any Markdown viewer, and reads them back unchanged", async () => {
    const letter =
      "Anna Berg\nLindenstraße 5\n10115 Berlin\n\nDear Mr. Smith,\n\nKind regards,\nAnna\n\n```\ncode  \nstays\n```";
    const md = conversationToMarkdown(
      conversation([
        ["user", "Write to my landlord."],
        ["assistant", letter],
      ]),
    );
    // A viewer without Tandem's line-break rule (plain CommonMark) still shows the lines.
    const html = renderToStaticMarkup(createElement(ReactMarkdown, null, md));
    expect(html).toContain("<p>Anna Berg<br/>\nLindenstraße 5<br/>\n10115 Berlin</p>");
    expect(html).toContain("<p>Kind regards,<br/>\nAnna</p>");
    expect(html).toContain("<code>code  \nstays\n</code>");
    const [read] = (await parseImportText(md, "letter")).data.conversations;
    expect(read!.messages.map((m) => m.content)).toEqual(["Write to my landlord.", letter]);
  });

  it("imports a plain transcript from elsewhere as a Private conversation, once", async () => {
    const store = Store.openInMemory();
    stores.push(store);
    const text = "Some notes before.\n\n### You:\nWhat is 2+2?\n\n### ChatGPT:\n4.\n\n### System\nignored\n";
    const first = importIntoDatabase(store.db, await parseImportText(text, "maths-chat"));
    expect(first).toMatchObject({ source: "markdown", conversationsImported: 1, messagesImported: 2 });
    const [c] = store.conversations.list();
    expect(c).toMatchObject({ title: "maths-chat", mode: "private" });
    expect(store.messages.listForConversation(c!.id).map((m) => [m.role, m.content])).toEqual([
      ["user", "What is 2+2?"],
      ["assistant", "4."],
    ]);
    expect(importIntoDatabase(store.db, await parseImportText(text, "maths-chat"))).toMatchObject({
      conversationsImported: 0,
      conversationsSkipped: 1,
    });
  });

  it("exports an open conversation as a .md file named after its title", () => {
    const store = Store.openInMemory();
    stores.push(store);
    const c = store.conversations.create({ title: "Café plans: Ünïcode & more!" });
    store.messages.append({ conversationId: c.id, role: "user", content: "Hello", status: "done" });
    const file = exportConversation(store.db, c.id, "md");
    expect(file).toMatchObject({
      fileName: "Cafe-plans-Unicode-more.md",
      mime: "text/markdown",
      conversations: 1,
      encrypted: false,
    });
    expect(file.content).toContain("# Café plans: Ünïcode & more!\n\n- Mode: Private");
    expect(file.content).toContain("## User\n\nHello\n");
  });

  it("refuses text that is not a transcript", async () => {
    await expect(parseImportText("Just a shopping list:\n- milk\n- eggs\n", "list")).rejects.toMatchObject({
      code: "import_invalid",
    });
  });
});
