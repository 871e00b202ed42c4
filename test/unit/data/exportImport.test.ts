import { afterEach, describe, expect, it } from "vitest";
import { ContextService } from "../../../app/context";
import {
  collectExport,
  exportAll,
  exportConversation,
  importIntoDatabase,
  parseImportText,
  type TandemExport,
} from "../../../app/data";
import { Store } from "../../../app/store/Store";
import { count, seedData, snapshot } from "./seedData";

describe("Tandem export and import", () => {
  const stores: Store[] = [];
  const open = () => {
    const store = Store.openInMemory();
    stores.push(store);
    return store;
  };
  afterEach(() => stores.splice(0).forEach((s) => s.close()));

  const importText = async (store: Store, text: string) =>
    importIntoDatabase(store.db, await parseImportText(text, "export"));

  it("restores identical conversations (ids, order, modes, strategies, statuses, stats, stages, vault), context, profile and settings", async () => {
    const source = open();
    seedData(source);
    const file = await exportAll(source.db);
    const target = open();
    const summary = await importText(target, file.content);
    expect(summary).toMatchObject({
      source: "tandem",
      conversationsImported: 3,
      conversationsSkipped: 0,
      messagesImported: 8,
      contextItemsImported: 2,
      profileImported: true,
    });
    expect(snapshot(target)).toEqual(snapshot(source));
    expect(snapshot(target).conversations.map((c) => c.mode)).toEqual(["cloud", "private", "hybrid"]);
  });

  it("makes imported context searchable again (its chunks are rebuilt)", async () => {
    const source = open();
    seedData(source);
    const target = open();
    await importText(target, (await exportAll(source.db)).content);
    const context = new ContextService(target.db);
    expect(count(target.db, "context_chunks")).toBe(count(source.db, "context_chunks"));
    const priv = snapshot(target).conversations.find((c) => c.title === "Private health question")!;
    const found = context.retrieveContext({
      query: "When does the lease end?",
      conversationId: priv.id,
      budgetTokens: 1000,
    });
    expect(JSON.stringify(found)).toContain("ends on 31 March");
  });

  it("adds nothing when the same export is imported twice", async () => {
    const source = open();
    seedData(source);
    const text = (await exportAll(source.db)).content;
    const target = open();
    await importText(target, text);
    const before = snapshot(target);
    const again = await importText(target, text);
    expect(again).toMatchObject({
      conversationsImported: 0,
      conversationsSkipped: 3,
      messagesImported: 0,
      contextItemsImported: 0,
      contextItemsSkipped: 2,
      profileImported: false,
      settingsImported: 0,
    });
    expect(snapshot(target)).toEqual(before);
    expect(count(target.db, "messages")).toBe(8);
  });

  it("keeps a conversation that is already here as it is and adds the new ones (conflicts by id)", async () => {
    const source = open();
    const { priv } = seedData(source);
    const text = (await exportAll(source.db)).content;
    const target = open();
    await importText(target, text);
    target.conversations.rename(priv.id, "Renamed here");
    target.messages.append({ conversationId: priv.id, role: "user", content: "A newer message", status: "done" });
    target.conversations.delete(snapshot(target).conversations.find((c) => c.mode === "cloud")!.id);
    const summary = await importText(target, text);
    expect(summary).toMatchObject({ conversationsImported: 1, conversationsSkipped: 2 });
    const kept = snapshot(target).conversations.find((c) => c.id === priv.id)!;
    expect(kept.title).toBe("Renamed here");
    expect(kept.messages.at(-1)?.content).toBe("A newer message");
  });

  it("merges settings and profile without overwriting what the user set on this device", async () => {
    const source = open();
    seedData(source);
    const target = open();
    target.settings.update({ theme: "light" });
    new ContextService(target.db).profile.set({ name: "Sam" });
    const summary = await importText(target, (await exportAll(source.db)).content);
    expect(summary.profileImported).toBe(false);
    expect(new ContextService(target.db).profile.get().name).toBe("Sam");
    expect(target.settings.get()).toMatchObject({
      theme: "light",
      locale: "fr-FR",
      offline: true,
      cloudModel: "gpt-test",
      activeModelId: null,
      threads: null,
    });
  });

  it("never exports API keys, model paths or machine-specific settings", async () => {
    const source = open();
    seedData(source);
    const text = (await exportAll(source.db)).content;
    const data = JSON.parse(text) as TandemExport;
    expect(text).not.toContain("/home/someone");
    expect(text).not.toMatch(/"path"/);
    expect(data.settings).not.toHaveProperty("activeModelId");
    expect(data.settings).not.toHaveProperty("threads");
    expect(data).not.toHaveProperty("models");
    expect(text).not.toMatch(/apiKey|secret/i);
  });

  it("imports a message exported while it was still being written as interrupted", async () => {
    const source = open();
    const c = source.conversations.create({ title: "Streaming" });
    source.messages.append({ conversationId: c.id, role: "assistant", content: "Half an", status: "streaming" });
    const target = open();
    await importText(target, (await exportAll(source.db)).content);
    expect(target.messages.listForConversation(c.id)[0]).toMatchObject({ content: "Half an", status: "interrupted" });
  });

  it("gives a message whose id is already used elsewhere a new id instead of failing the import", async () => {
    const source = open();
    const a = source.conversations.create({ title: "A" });
    const m = source.messages.append({ conversationId: a.id, role: "user", content: "hi", status: "done" });
    const data = collectExport(source.db);
    const copy = { ...data.conversations[0]!, id: "another-conversation", title: "Copy" };
    const target = open();
    const summary = await importText(target, JSON.stringify({ ...data, conversations: [data.conversations[0], copy] }));
    expect(summary.conversationsImported).toBe(2);
    const ids = target.conversations.list().map((c) => target.messages.listForConversation(c.id)[0]!.id);
    expect(ids).toContain(m.id);
    expect(new Set(ids).size).toBe(2);
  });

  it("imports nothing when one conversation in the file is malformed", async () => {
    const source = open();
    seedData(source);
    const data = JSON.parse((await exportAll(source.db)).content);
    data.conversations[2].messages[0].role = "robot";
    const target = open();
    await expect(importText(target, JSON.stringify(data))).rejects.toMatchObject({
      code: "import_invalid",
      message: expect.stringContaining("conversations.2.messages.0.role"),
    });
    expect(count(target.db, "conversations") + count(target.db, "messages") + count(target.db, "context_items")).toBe(
      0,
    );
  });

  it("rolls the whole import back when the database refuses a row half-way", async () => {
    const source = open();
    seedData(source);
    const target = open();
    // A write that fails after the first conversation is in: only the transaction can undo it.
    target.db.exec(
      "CREATE TRIGGER refuse AFTER INSERT ON conversations WHEN new.title = 'Cloud chat' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    await expect(importText(target, (await exportAll(source.db)).content)).rejects.toThrow(/disk full/);
    expect(
      count(target.db, "conversations") +
        count(target.db, "messages") +
        count(target.db, "vault") +
        count(target.db, "context_items") +
        count(target.db, "settings"),
    ).toBe(0);
  });

  it("exports one conversation as JSON with its messages and stages but without vault or private context", async () => {
    const source = open();
    const { hybrid } = seedData(source);
    const file = exportConversation(source.db, hybrid.id, "json");
    const data = JSON.parse(file.content) as TandemExport;
    expect(file).toMatchObject({ fileName: "Letter-to-Zanzibarquux.json", mime: "application/json", conversations: 1 });
    expect(data.conversations.map((c) => c.id)).toEqual([hybrid.id]);
    expect(data.conversations[0]!.messages[1]!.stages.map((s) => s.kind)).toEqual(["sketch", "sanitized", "report"]);
    expect(data.conversations[0]!.vault).toEqual([]);
    expect(data.context).toEqual({ items: [], toggles: [], profile: null });
    const target = open();
    await importText(target, file.content);
    expect(snapshot(target).conversations[0]!.messages).toEqual(
      snapshot(source).conversations.find((c) => c.id === hybrid.id)!.messages,
    );
  });

  it("refuses to export a conversation that does not exist", () => {
    expect(() => exportConversation(open().db, "nope", "md")).toThrow(expect.objectContaining({ code: "not_found" }));
  });
});
