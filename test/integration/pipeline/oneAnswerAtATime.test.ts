import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScriptedModel } from "../../helpers/scriptedModel";
import { startHarness, type Harness } from "../hybrid/support/hybridHarness";

/**
 * One answer at a time per conversation, even when two requests arrive together (a double
 * Enter, the CLI and the window at once): both wait for the model, and only the first may start.
 */
describe("one answer at a time in a conversation", () => {
  let h: Harness;
  const model = new ScriptedModel(() => "Here is the answer.");

  beforeAll(async () => {
    h = await startHarness(model, { maxAnswerTokens: 64 });
  });

  afterAll(async () => {
    await h.close();
  });

  it("refuses a second message sent while the first was still waiting for the model, and keeps one question and one answer", async () => {
    const conversation = h.conversation("private");
    const [first, second] = await Promise.allSettled([
      h.chat.send(conversation.id, "First question"),
      h.chat.send(conversation.id, "Second question"),
    ]);
    expect(first.status).toBe("fulfilled");
    expect(second).toMatchObject({ status: "rejected", reason: { code: "busy" } });
    if (first.status === "fulfilled") await h.finished(first.value.assistantMessage.id);
    const stored = h.store.messages.listForConversation(conversation.id);
    expect(stored.map((m) => [m.role, m.content])).toEqual([
      ["user", "First question"],
      ["assistant", "Here is the answer."],
    ]);
  });

  it("refuses a second Regenerate sent together with the first", async () => {
    const conversation = h.conversation("private");
    await h.ask(conversation.id, "A question");
    const [first, second] = await Promise.allSettled([
      h.chat.regenerate(conversation.id),
      h.chat.regenerate(conversation.id),
    ]);
    expect(first.status).toBe("fulfilled");
    expect(second).toMatchObject({ status: "rejected", reason: { code: "busy" } });
    if (first.status === "fulfilled") await h.finished(first.value.assistantMessage.id);
    expect(h.chat.isRunning(conversation.id)).toBe(false);
  });

  it("counts an answer as running from the moment it starts, so Stop right after the send stops it", async () => {
    const conversation = h.conversation("private");
    const { assistantMessage } = await h.chat.send(conversation.id, "Another question");
    expect(h.chat.isRunning(conversation.id)).toBe(true);
    expect(h.chat.stop(conversation.id)).toBe(true);
    expect((await h.finished(assistantMessage.id)).status).toBe("stopped");
  });
});
