import { afterEach, describe, expect, it } from "vitest";
import { exportAll, importIntoDatabase, parseImportText } from "../../../app/data";
import { Store } from "../../../app/store/Store";

describe("Auto mode in an export", () => {
  const stores: Store[] = [];
  const open = () => {
    const store = Store.openInMemory();
    stores.push(store);
    return store;
  };
  afterEach(() => stores.splice(0).forEach((s) => s.close()));

  it("keeps an Auto conversation, each answer's route and reason, and the always-local topics", async () => {
    const source = open();
    const conversation = source.conversations.create({ title: "Meals", mode: "auto" });
    source.messages.append({
      conversationId: conversation.id,
      role: "user",
      content: "I have diabetes; plan my meals.",
      status: "done",
    });
    const answer = source.messages.append({
      conversationId: conversation.id,
      role: "assistant",
      content: "Breakfast: oats.",
      status: "done",
    });
    const route = {
      kind: "route" as const,
      content: "Answered on this device: your message mentions a health condition.",
      meta: { route: "local", rule: "sensitive-content", forced: false, privateItems: 1 },
    };
    source.stages.put(answer.id, route);
    source.settings.update({ alwaysLocalTopics: ["my divorce"] });
    const file = await exportAll(source.db);

    const target = open();
    await importIntoDatabase(target.db, await parseImportText(file.content!, "export"));
    expect(target.conversations.get(conversation.id)?.mode).toBe("auto");
    expect(target.stages.list(answer.id)).toEqual([route]);
    expect(target.settings.get().alwaysLocalTopics).toEqual(["my divorce"]);
  });
});
