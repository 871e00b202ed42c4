import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type {
  ChatEvent,
  ConversationDetail,
  ConversationSummary,
  Message,
  ModelInfo,
} from "../../../app/contract/types";
import { deriveTitle } from "../../../app/pipeline/deriveTitle";
import { Store } from "../../../app/store/Store";
import { dataKey } from "../../helpers/dataKey";
import { createHost, DB_FILE } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { callHost, finishedMessage } from "../../helpers/hostCalls";
import { getTinyModelPath } from "../../helpers/tinyModel";

/** Private mode through the real host: real SQLite file, real llama.cpp on the tiny model. */
describe("Private mode chat through the host", () => {
  let dir: string;
  let host: Host;
  const events: ChatEvent[] = [];

  const call = <T>(channel: Channel, payload?: unknown) => callHost<T>(host, channel, payload);

  /** Resolves once `count` tokens of the answer have streamed: the user sees it writing. */
  function streamed(messageId: string, count: number): Promise<void> {
    return new Promise((resolve) => {
      const wait = () =>
        events.filter((e) => e.type === "message:token" && e.messageId === messageId).length >= count
          ? resolve()
          : setTimeout(wait, 10);
      wait();
    });
  }

  const finished = (messageId: string) => finishedMessage(events, messageId);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-chat-"));
    host = await createHost({ dataDir: dir, kind: "cli", gpu: false, quiet: true });
    host.onEvent((event) => events.push(event));
    // Every answer here needs text (tokens, Stop, Continue, search): the tiny model that never
    // ends an answer by itself (the stock one may end at its first token) writes until this cap.
    await call("settings:update", { threads: 1, maxAnswerTokens: 48 });
  });

  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to chat before a model is added, with an actionable message", async () => {
    const conversation = await call<ConversationSummary>("conversations:create");
    const result = await host.handle("chat:send", { conversationId: conversation.id, text: "hello" });
    expect(result).toMatchObject({ ok: false, error: { code: "no_model" } });
    if (!result.ok) expect(result.error.message).toMatch(/add a \.gguf model/i);
  });

  it("rejects a file that is not a GGUF model with model_invalid and keeps the model list empty", async () => {
    const bogus = join(dir, "notes.gguf");
    writeFileSync(bogus, "these are my notes, not a model");
    const result = await host.handle("models:add", { path: bogus });
    expect(result).toMatchObject({ ok: false, error: { code: "model_invalid" } });
    expect(await call<ModelInfo[]>("models:list")).toEqual([]);
  });

  it("adds a GGUF model, makes it active, streams an answer and stores it with its speed", async () => {
    const model = await call<ModelInfo>("models:add", { path: await getTinyModelPath({ endsAnswers: false }) });
    expect(model.architecture).toBe("llama");
    const conversation = await call<ConversationSummary>("conversations:create");
    const sent = await call<{ userMessage: Message; assistantMessage: Message }>("chat:send", {
      conversationId: conversation.id,
      text: "Help me write to my landlord about the heating.",
    });
    expect(sent.assistantMessage.status).toBe("streaming");
    const message = await finished(sent.assistantMessage.id);
    const tokens = events.filter((e) => e.type === "message:token" && e.messageId === message.id);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.map((e) => (e.type === "message:token" ? e.text : "")).join("")).toBe(message.content);
    expect(message.status).toBe("done");
    expect(message.stats?.tokens).toBeGreaterThan(0);
    expect(message.stats?.tokensPerSecond).toBeGreaterThan(0);
    expect(message.stats?.timeToFirstTokenMs).not.toBeNull();
    const detail = await call<ConversationDetail>("conversations:get", { id: conversation.id });
    expect(detail.conversation.title).toBe(deriveTitle("Help me write to my landlord about the heating."));
    expect(detail.conversation.title).toMatch(/^Help me write to my landlord/);
    expect(detail.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(detail.messages[1]!.content).toBe(message.content);
  });

  it("stop keeps what was written and marks the answer stopped", async () => {
    await call("settings:update", { maxAnswerTokens: 4000 });
    const conversation = await call<ConversationSummary>("conversations:create");
    const sent = await call<{ assistantMessage: Message }>("chat:send", {
      conversationId: conversation.id,
      text: "Tell me a long story.",
    });
    await streamed(sent.assistantMessage.id, 3);
    expect(await call("chat:stop", { conversationId: conversation.id })).toEqual({ stopped: true });
    const message = await finished(sent.assistantMessage.id);
    await call("settings:update", { maxAnswerTokens: 48 });
    expect(message.status).toBe("stopped");
    expect(message.content.length).toBeGreaterThan(0);
    const stored = (await call<ConversationDetail>("conversations:get", { id: conversation.id })).messages[1]!;
    expect(stored).toMatchObject({ status: "stopped", content: message.content });
  });

  it("refuses a second message while an answer is being written", async () => {
    const conversation = await call<ConversationSummary>("conversations:create");
    const sent = await call<{ assistantMessage: Message }>("chat:send", {
      conversationId: conversation.id,
      text: "one",
    });
    const second = await host.handle("chat:send", { conversationId: conversation.id, text: "two" });
    expect(second).toMatchObject({ ok: false, error: { code: "busy" } });
    await finished(sent.assistantMessage.id);
  });

  it("regenerate shows the new answer and keeps the earlier ones; editing the last message answers the new text", async () => {
    const conversation = await call<ConversationSummary>("conversations:create");
    const first = await call<{ assistantMessage: Message }>("chat:send", {
      conversationId: conversation.id,
      text: "first question",
    });
    await finished(first.assistantMessage.id);
    const again = await call<{ assistantMessage: Message }>("chat:regenerate", { conversationId: conversation.id });
    await finished(again.assistantMessage.id);
    let detail = await call<ConversationDetail>("conversations:get", { id: conversation.id });
    expect(detail.messages.map((m) => m.id)).toEqual([detail.messages[0]!.id, again.assistantMessage.id]);
    expect(detail.messages[1]!.variants).toEqual([first.assistantMessage.id, again.assistantMessage.id]);

    const edited = await call<{ userMessage: Message; assistantMessage: Message }>("chat:editLast", {
      conversationId: conversation.id,
      text: "edited question",
    });
    await finished(edited.assistantMessage.id);
    detail = await call<ConversationDetail>("conversations:get", { id: conversation.id });
    expect(detail.messages).toHaveLength(2);
    expect(detail.messages[0]!.content).toBe("edited question");
    expect(detail.messages[1]!.id).toBe(edited.assistantMessage.id);
  });

  it("keeps every regenerated answer (‹ 1/3 ›); the chosen one is what the conversation continues from and what export keeps", async () => {
    const conversation = await call<ConversationSummary>("conversations:create");
    const sent = await call<{ assistantMessage: Message }>("chat:send", {
      conversationId: conversation.id,
      text: "Name a colour.",
    });
    const answers = [await finished(sent.assistantMessage.id)];
    for (let i = 0; i < 2; i++) {
      const again = await call<{ assistantMessage: Message }>("chat:regenerate", { conversationId: conversation.id });
      answers.push(await finished(again.assistantMessage.id));
    }
    const ids = answers.map((a) => a.id);
    expect(answers[2]!.variants).toEqual(ids);

    const chosen = await call<{ message: Message }>("chat:chooseVariant", {
      conversationId: conversation.id,
      messageId: ids[0],
    });
    expect(chosen.message).toMatchObject({ id: ids[0], content: answers[0]!.content, variants: ids });
    const next = await call<{ assistantMessage: Message }>("chat:send", {
      conversationId: conversation.id,
      text: "And another one?",
    });
    await finished(next.assistantMessage.id);
    const detail = await call<ConversationDetail>("conversations:get", { id: conversation.id });
    expect(detail.messages.map((m) => m.id)).toEqual([
      detail.messages[0]!.id,
      ids[0],
      detail.messages[2]!.id,
      next.assistantMessage.id,
    ]);

    const exported = await call<{ content: string }>("data:exportConversation", {
      conversationId: conversation.id,
      format: "json",
    });
    const exportedIds = (
      JSON.parse(exported.content) as { conversations: Array<{ messages: Array<{ id: string }> }> }
    ).conversations[0]!.messages.map((m) => m.id);
    expect(exportedIds).toEqual(detail.messages.map((m) => m.id));
    expect(exportedIds).not.toContain(ids[1]);

    // Flipping back to a later variant changes what the conversation continues from.
    await call("chat:chooseVariant", { conversationId: conversation.id, messageId: ids[2] });
    expect((await call<ConversationDetail>("conversations:get", { id: conversation.id })).messages[1]!.id).toBe(ids[2]);
  });

  it("an answer cut at the length limit says so, and Continue writes on in the same message", async () => {
    await call("settings:update", { maxAnswerTokens: 16 });
    try {
      const conversation = await call<ConversationSummary>("conversations:create");
      const sent = await call<{ assistantMessage: Message }>("chat:send", {
        conversationId: conversation.id,
        text: "Write a long letter.",
      });
      const cut = await finished(sent.assistantMessage.id);
      expect(cut).toMatchObject({ status: "done", cutAtLimit: true });

      const continued = await call<{ assistantMessage: Message }>("chat:continue", { conversationId: conversation.id });
      expect(continued.assistantMessage).toMatchObject({ id: cut.id, status: "streaming", content: cut.content });
      events.splice(
        events.findIndex((e) => e.type === "message:finished" && e.message.id === cut.id),
        1,
      );
      const whole = await finished(cut.id);
      expect(whole.content.startsWith(cut.content)).toBe(true);
      expect(whole.content.length).toBeGreaterThan(cut.content.length);
      // The speed is the continuation's; the token count is the whole answer's.
      expect(whole.stats!.tokens).toBeGreaterThan(cut.stats!.tokens);
      const detail = await call<ConversationDetail>("conversations:get", { id: conversation.id });
      expect(detail.messages.map((m) => m.id)).toEqual([detail.messages[0]!.id, cut.id]);
      expect(detail.messages[1]!.content).toBe(whole.content);
    } finally {
      await call("settings:update", { maxAnswerTokens: 48 });
    }
  });

  it("refuses to continue an answer that was not cut (here: stopped by the user), saying why", async () => {
    await call("settings:update", { maxAnswerTokens: 4000 });
    try {
      const conversation = await call<ConversationSummary>("conversations:create");
      const sent = await call<{ assistantMessage: Message }>("chat:send", {
        conversationId: conversation.id,
        text: "Tell me a long story.",
      });
      await streamed(sent.assistantMessage.id, 1);
      await call("chat:stop", { conversationId: conversation.id });
      const answer = await finished(sent.assistantMessage.id);
      expect(answer.status).toBe("stopped");
      expect(answer.cutAtLimit).toBeUndefined();
      const result = await host.handle("chat:continue", { conversationId: conversation.id });
      expect(result).toMatchObject({ ok: false, error: { code: "invalid_request" } });
      if (!result.ok) expect(result.error.message).toMatch(/cut at the length limit/);
    } finally {
      await call("settings:update", { maxAnswerTokens: 48 });
    }
  });

  it("finds the conversation by full-text search and forgets it after deletion", async () => {
    const conversation = await call<ConversationSummary>("conversations:create");
    const sent = await call<{ assistantMessage: Message }>("chat:send", {
      conversationId: conversation.id,
      text: "my radiator makes a gurgling noise",
    });
    await finished(sent.assistantMessage.id);
    const hits = await call<Array<{ conversationId: string; snippet: string }>>("conversations:search", {
      query: "gurgling",
    });
    expect(hits.map((h) => h.conversationId)).toContain(conversation.id);
    expect(hits[0]!.snippet).toContain("\uE000gurgling\uE001");
    await call("conversations:delete", { id: conversation.id });
    expect(await call<unknown[]>("conversations:search", { query: "gurgling" })).toEqual([]);
  });

  it("deleting a conversation while its answer streams stops the answer and leaves nothing behind", async () => {
    await call("settings:update", { maxAnswerTokens: 4000 });
    const conversation = await call<ConversationSummary>("conversations:create");
    const sent = await call<{ assistantMessage: Message }>("chat:send", {
      conversationId: conversation.id,
      text: "Tell me everything.",
    });
    await streamed(sent.assistantMessage.id, 1);
    await call("conversations:delete", { id: conversation.id });
    await call("settings:update", { maxAnswerTokens: 48 });
    // The next answer in another conversation works: the deleted one's generation has ended.
    const other = await call<ConversationSummary>("conversations:create");
    const next = await call<{ assistantMessage: Message }>("chat:send", {
      conversationId: other.id,
      text: "still there?",
    });
    expect((await finished(next.assistantMessage.id)).status).toBe("done");
    expect((await host.handle("conversations:get", { id: conversation.id })).ok).toBe(false);
    expect(events.some((e) => e.type === "message:finished" && e.message.id === sent.assistantMessage.id)).toBe(false);
  });

  it("marks an answer that was streaming when the process died as interrupted at the next start", async () => {
    // Simulate the crash: a row left in "streaming" by a process that never finished it.
    const store = Store.open(join(dir, DB_FILE), { key: dataKey(dir) });
    const conversation = store.conversations.create({});
    store.messages.append({ conversationId: conversation.id, role: "user", content: "q", status: "done" });
    const orphan = store.messages.append({
      conversationId: conversation.id,
      role: "assistant",
      content: "half an answ",
      status: "streaming",
    });
    store.close();
    const second = await createHost({ dataDir: dir, kind: "cli", gpu: false, quiet: true });
    try {
      const result = (await second.handle("conversations:get", { id: conversation.id })) as Result<ConversationDetail>;
      expect(result.ok && result.value.messages.find((m) => m.id === orphan.id)).toMatchObject({
        status: "interrupted",
        content: "half an answ",
      });
    } finally {
      await second.close();
    }
  });
});
