import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type {
  AppSettings,
  ChatEvent,
  ConversationSummary,
  EgressRecord,
  Message,
  MessageStage,
  ModelInfo,
} from "../../../app/contract/types";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { callHost, finishedMessage } from "../../helpers/hostCalls";
import { startRecordingCloud } from "../../helpers/recordingCloud";
import { getEndlessTinyModel2kPath, getTinyModel2kPath } from "../hybrid/support/tinyModel2k";

/**
 * Auto mode through the real host, as the UI drives it (issue #16): what the recording server on
 * 127.0.0.1 received, what stayed on the device, and the route and reason stored with each answer.
 */
describe("Auto mode through the host", () => {
  let dir: string;
  let host: Host;
  let cloud: Awaited<ReturnType<typeof startRecordingCloud>>;
  const events: ChatEvent[] = [];

  const call = <T>(channel: Channel, payload?: unknown) => callHost<T>(host, channel, payload);

  const finished = (messageId: string) => finishedMessage(events, messageId);

  async function ask(
    conversationId: string,
    text: string,
  ): Promise<{ answer: Message; received: string; stages: MessageStage[] }> {
    const before = cloud.requests.length;
    const sent = await call<{ assistantMessage: Message }>("chat:send", { conversationId, text });
    const answer = await finished(sent.assistantMessage.id);
    return {
      answer,
      received: cloud.requests
        .slice(before)
        .map((r) => r.raw)
        .join("\n"),
      stages: await call<MessageStage[]>("messages:stages", { messageId: answer.id }),
    };
  }

  const route = (stages: MessageStage[]) => stages.find((s) => s.kind === "route");

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-auto-host-"));
    cloud = await startRecordingCloud();
    host = await createHost({ dataDir: dir, kind: "web", gpu: false, quiet: true });
    host.onEvent((event) => events.push(event));
    await call("settings:update", { threads: 1, maxAnswerTokens: 48, contextSize: 2048 });
    await call<ModelInfo>("models:add", { path: await getTinyModel2kPath() });
    await call("profile:update", {
      name: "Annegret Vollmer",
      city: "Quedlinburg",
      job: "",
      family: [{ name: "Jannik", relation: "son" }],
      healthNotes: "",
      alwaysPrivate: [],
      freeText: "",
    });
  });

  afterAll(async () => {
    await host.close();
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("offers Private for new conversations without a cloud model, and Auto once one is set up", async () => {
    expect((await call<ConversationSummary>("conversations:create")).mode).toBe("private");
    await call("cloud:configure", { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-test-auto-0123456789" });
    expect((await call<ConversationSummary>("conversations:create")).mode).toBe("auto");
  });

  it("answers a message about the user's health on the device: nothing reaches the cloud, and the reason is stored", async () => {
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    const { answer, received, stages } = await ask(
      conversation.id,
      "I was diagnosed with type 1 diabetes; help Jannik plan my meals.",
    );
    expect(answer.status).toBe("done");
    expect(received).toBe("");
    expect(await call<EgressRecord[]>("egress:list", { conversationId: conversation.id })).toEqual([]);
    expect(route(stages)).toMatchObject({
      content: "Answered on this device: your message mentions a health condition.",
      meta: { route: "local", rule: "sensitive-content" },
    });
    expect(stages.some((s) => s.kind === "notice")).toBe(false);
  });

  it("re-asks the same message through the cloud when the user asks the other way, still without the private details", async () => {
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    await ask(conversation.id, "I was diagnosed with type 1 diabetes; help Jannik Vollmer plan my meals.");
    const before = cloud.requests.length;
    const again = await call<{ assistantMessage: Message }>("chat:reask", {
      conversationId: conversation.id,
      route: "hybrid",
    });
    const answer = await finished(again.assistantMessage.id);
    const received = cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");
    expect(received).toContain("plan my meals");
    for (const secret of ["Jannik", "Vollmer", "Annegret", "diabetes"]) expect(received).not.toContain(secret);
    const stages = await call<MessageStage[]>("messages:stages", { messageId: answer.id });
    expect(route(stages)?.meta).toMatchObject({ route: "hybrid", forced: true, rule: "asked" });
    expect(route(stages)?.content).toMatch(
      /^Polished by the cloud: \d+ private items? replaced\. You asked for the cloud\.$/,
    );
    // Like Regenerate, the new answer is the one shown; the earlier one stays as a variant.
    expect((await call<{ messages: Message[] }>("conversations:get", { id: conversation.id })).messages).toHaveLength(
      2,
    );
  });

  it("asked through the cloud, a message the rules kept here still has its unclassified words masked", async () => {
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    const { received: first } = await ask(
      conversation.id,
      "I was diagnosed with type 1 diabetes; ask zbyszek to plan my meals.",
    );
    expect(first).toBe("");
    const before = cloud.requests.length;
    const again = await call<{ assistantMessage: Message }>("chat:reask", {
      conversationId: conversation.id,
      route: "hybrid",
    });
    await finished(again.assistantMessage.id);
    const received = cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");
    expect(received).toContain("plan my meals");
    for (const secret of ["zbyszek", "diabetes"]) expect(received).not.toContain(secret);
  });

  it("sends an ordinary message the Hybrid way with its private names replaced (cloud-outline: no draft to read first)", async () => {
    await call("settings:update", { hybridStrategy: "cloud-outline" });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    const { received, stages } = await ask(
      conversation.id,
      "Write a short thank-you note from Annegret to the neighbours in Quedlinburg.",
    );
    await call("settings:update", { hybridStrategy: "sketch-refine" });
    expect(received).toContain("thank-you note");
    for (const secret of ["Annegret", "Quedlinburg"]) expect(received).not.toContain(secret);
    expect(route(stages)).toMatchObject({ meta: { route: "hybrid", rule: null } });
    expect(route(stages)?.content).toMatch(/^Polished by the cloud: [1-9]\d* private items? replaced\.$/);
    // "Answer on this device instead": the same message again, and nothing more leaves.
    const before = cloud.requests.length;
    const again = await call<{ assistantMessage: Message }>("chat:reask", {
      conversationId: conversation.id,
      route: "local",
    });
    const local = await finished(again.assistantMessage.id);
    expect(cloud.requests.length).toBe(before);
    const localStages = await call<MessageStage[]>("messages:stages", { messageId: local.id });
    expect(route(localStages)).toMatchObject({
      content: "Answered on this device, as you asked.",
      meta: { route: "local", rule: "asked", forced: true },
    });
    expect(localStages.some((s) => s.kind === "report" || s.kind === "sanitized")).toBe(false);
  });

  it("answers a message with a word the engine could not classify on the device: nothing reaches the cloud, and the reason is stored", async () => {
    await call("settings:update", { hybridStrategy: "cloud-outline" });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    // "zbyszek": a lowercase name no recognizer types — the engine's name recall failed here.
    const { received, stages } = await ask(
      conversation.id,
      "Write a short note to tell zbyszek that the parcel arrives on Monday.",
    );
    await call("settings:update", { hybridStrategy: "sketch-refine" });
    expect(received).toBe("");
    expect(await call<EgressRecord[]>("egress:list", { conversationId: conversation.id })).toEqual([]);
    expect(route(stages)).toMatchObject({
      content: "Answered on this device: 1 word or number the privacy engine could not classify.",
      meta: { route: "local", rule: "unclassified-tokens" },
    });
    expect(stages.some((s) => s.kind === "notice")).toBe(false);
  });

  it("masks a number the engine could not type in the Hybrid request: the cloud never receives it, the gate saw only its placeholder", async () => {
    await call("settings:update", { hybridStrategy: "cloud-outline" });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    // "48213": a number without a cue, which no recognizer types.
    const { received, stages } = await ask(
      conversation.id,
      "Write a short note to tell the shop that the parcel 48213 arrives on Monday.",
    );
    await call("settings:update", { hybridStrategy: "sketch-refine" });
    expect(received).toContain("arrives on Monday");
    expect(received).not.toContain("48213");
    expect(received).toMatch(/parcel \[OTHER_\d+\] arrives/);
    // The gate's audit row is the request as it left: placeholders only.
    const egress = await call<EgressRecord[]>("egress:list", { conversationId: conversation.id });
    expect(egress.length).toBeGreaterThan(0);
    expect(JSON.stringify(egress)).not.toContain("48213");
    expect(route(stages)).toMatchObject({ meta: { route: "hybrid", rule: null } });
    expect(route(stages)?.content).toMatch(/^Polished by the cloud: [1-9]\d* private items? replaced\.$/);
    expect(JSON.stringify(route(stages))).not.toContain("48213");
  });

  it("masks a sentence-initial name that is a word before a verb of speech in the Hybrid request: the cloud never receives it", async () => {
    await call("settings:update", { hybridStrategy: "cloud-outline" });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    // "Rose said": the engine leaves a sentence-initial everyday word alone; speaker-name masks it.
    const { received, stages } = await ask(
      conversation.id,
      "Rose said the parcel is late, so please write a short complaint to the shop.",
    );
    await call("settings:update", { hybridStrategy: "sketch-refine" });
    expect(received).toContain("the parcel is late");
    expect(received).not.toMatch(/\bRose\b/);
    expect(received).toMatch(/\[OTHER_\d+\] said/);
    expect(route(stages)).toMatchObject({ meta: { route: "hybrid", rule: null } });
    expect(JSON.stringify(route(stages))).not.toContain("Rose");
  });

  it("keeps public words readable and replaces a masked company name only capitalised in later messages: the cloud receives 'ask Mom' and 'mint tea' as written (round 9)", async () => {
    await call("settings:update", { hybridStrategy: "cloud-outline" });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    const first = await ask(conversation.id, "Please tell the client that Mint will send the invoice today.");
    const later = await ask(conversation.id, "Thanks. Now suggest a mint tea recipe that I can ask Mom to make.");
    await call("settings:update", { hybridStrategy: "sketch-refine" });
    expect(first.received).toMatch(/that \[OTHER_\d+\] will send the invoice/);
    expect(first.received).not.toMatch(/\bMint\b/);
    expect(later.received).toContain("a mint tea recipe that I can ask Mom to make");
    expect(later.received).not.toMatch(/\bMint\b/);
    expect(route(later.stages)).toMatchObject({ meta: { route: "hybrid", rule: null } });
  });

  it("reads the local draft before anything leaves: a short question the draft answers stays on the device, with no failure notice", async () => {
    // A draft with text to read: the stock tiny model sometimes ends before its first token, and
    // an empty draft answers nothing (the message alone goes the Hybrid way).
    const { activeModelId } = await call<AppSettings>("settings:get");
    await call("settings:update", {
      activeModelId: (await call<ModelInfo>("models:add", { path: await getEndlessTinyModel2kPath() })).id,
    });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    const { answer, received, stages } = await ask(conversation.id, "What is the capital of France?");
    await call("settings:update", { activeModelId });
    expect(received).toBe("");
    expect(answer.content).toBe(stages.find((s) => s.kind === "sketch")?.content);
    expect(route(stages)?.meta).toMatchObject({ route: "local" });
    // The tiny model's draft is random text: whichever rule reads it decides (a short answer, a
    // token it cannot classify, a health or money term, too many items) — never one that the
    // message alone would trigger, since the message alone goes the Hybrid way.
    expect(["draft-answers", "unclassified-tokens", "sensitive-content", "too-many-items"]).toContain(
      (route(stages)?.meta as { rule: string }).rule,
    );
    expect(stages.some((s) => s.kind === "notice")).toBe(false);
    expect(stages.find((s) => s.kind === "report")?.meta).toMatchObject({ bytes: 0, fallback: null });
  });

  it("when the cloud fails after routing, answers on the device and keeps Hybrid's notice saying why", async () => {
    await call("settings:update", { hybridStrategy: "cloud-outline" });
    cloud.setFault({ status: 500 });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    const { answer, stages } = await ask(conversation.id, "Write a short thank-you note to the neighbours.");
    cloud.setFault(null);
    await call("settings:update", { hybridStrategy: "sketch-refine" });
    expect(answer.status).toBe("done");
    expect(route(stages)).toMatchObject({
      content: "Answered on this device: the cloud step did not complete (see the notice).",
      meta: { route: "local", rule: null },
    });
    expect(stages.find((s) => s.kind === "notice")?.meta).toMatchObject({ code: "cloud_server_error" });
  });

  it("keeps the user's always-local topics on the device", async () => {
    await call("settings:update", { alwaysLocalTopics: ["my divorce"] });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    const { received, stages } = await ask(conversation.id, "Write to the lawyer about the divorce papers.");
    await call("settings:update", { alwaysLocalTopics: [] });
    expect(received).toBe("");
    expect(route(stages)?.meta).toMatchObject({ route: "local", rule: "always-local-topic" });
  });

  it("answers on the device in offline mode without any failure notice", async () => {
    await call("settings:update", { offline: true });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    const { answer, received, stages } = await ask(conversation.id, "Write a short thank-you note to the neighbours.");
    await call("settings:update", { offline: false });
    expect(answer.status).toBe("done");
    expect(received).toBe("");
    expect(route(stages)?.content).toBe("Answered on this device: offline mode is on.");
    expect(stages.some((s) => s.kind === "notice" || s.kind === "report")).toBe(false);
  });

  it("refuses to ask the other way outside Auto conversations", async () => {
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "private" });
    const result = (await host.handle("chat:reask", {
      conversationId: conversation.id,
      route: "hybrid",
    })) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_request" } });
  });
});
