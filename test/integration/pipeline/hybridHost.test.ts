import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type {
  ChatEvent,
  CloudStatus,
  ConversationSummary,
  EgressRecord,
  Message,
  MessageStage,
  ModelInfo,
  PrivacyReport,
} from "../../../app/contract/types";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { startRecordingCloud } from "../../helpers/recordingCloud";
import { getTinyModel2kPath } from "../hybrid/support/tinyModel2k";

/**
 * Hybrid and Cloud modes through the real host, as the UI drives them: cloud settings, key,
 * mode switch, send, stages, audit log — and what the recording server actually received.
 */
describe("Hybrid and Cloud modes through the host", () => {
  let dir: string;
  let host: Host;
  let cloud: Awaited<ReturnType<typeof startRecordingCloud>>;
  const events: ChatEvent[] = [];
  const KEY = "sk-test-host-wiring-0123456789";

  async function call<T>(channel: Channel, payload: unknown = {}): Promise<T> {
    const result = (await host.handle(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  async function ask(conversationId: string, text: string): Promise<Message> {
    const sent = await call<{ assistantMessage: Message }>("chat:send", { conversationId, text });
    return new Promise((resolve) => {
      const check = () => {
        const event = events.find((e) => e.type === "message:finished" && e.message.id === sent.assistantMessage.id);
        if (event?.type === "message:finished") resolve(event.message);
        else setTimeout(check, 20);
      };
      check();
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-hybrid-host-"));
    cloud = await startRecordingCloud();
    host = await createHost({ dataDir: dir, kind: "web", gpu: false, quiet: true });
    host.onEvent((event) => events.push(event));
    await call("settings:update", { threads: 1, maxAnswerTokens: 64, contextSize: 2048 });
    await call<ModelInfo>("models:add", { path: await getTinyModel2kPath() });
    await call("profile:update", {
      name: "Annegret Vollmer",
      city: "Quedlinburg",
      job: "",
      family: [{ name: "Jannik", relation: "son" }],
      healthNotes: "",
      alwaysPrivate: ["Projekt Sonnenblume"],
      freeText: "",
    });
  });

  afterAll(async () => {
    await host.close();
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the API key out of the status the UI sees and sends it only as the Authorization header", async () => {
    const status = await call<CloudStatus>("cloud:configure", {
      baseUrl: cloud.baseUrl,
      model: "test-model",
      apiKey: KEY,
    });
    expect(status).toMatchObject({ configured: true, hasKey: true, keyStorage: "file" });
    expect(JSON.stringify(status)).not.toContain(KEY);
    expect(await call("cloud:test")).toMatchObject({ ok: true });
    expect(cloud.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("answers a Hybrid message without sending the user's private details, and records what left", async () => {
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "hybrid" });
    const before = cloud.requests.length;
    const answer = await ask(
      conversation.id,
      "Write to the school that Jannik Vollmer from Quedlinburg is ill; mention Projekt Sonnenblume.",
    );
    expect(answer.status).toBe("done");
    const received = cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");
    expect(received.length).toBeGreaterThan(0);
    for (const secret of ["Jannik", "Vollmer", "Quedlinburg", "Annegret", "Sonnenblume"])
      expect(received).not.toContain(secret);
    const stages = await call<MessageStage[]>("messages:stages", { messageId: answer.id });
    const report = stages.find((s) => s.kind === "report")?.meta as unknown as PrivacyReport;
    expect(report).toMatchObject({ mode: "hybrid", leftDevice: 0, fallback: null });
    expect(report.replaced).toBeGreaterThan(0);
    const audit = await call<EgressRecord[]>("egress:list", { conversationId: conversation.id });
    expect(audit).toHaveLength(1);
    expect(stages.find((s) => s.kind === "sanitized")?.content).toBe(audit[0]!.payload);
    expect(received).toContain(JSON.parse(audit[0]!.payload).messages[1].content);
  });

  it("in offline mode answers Hybrid locally with a notice and sends nothing", async () => {
    await call("settings:update", { offline: true });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "hybrid" });
    const before = cloud.requests.length;
    const answer = await ask(conversation.id, "Summarize my week.");
    await call("settings:update", { offline: false });
    expect(answer.status).toBe("done");
    expect(cloud.requests.length).toBe(before);
    const stages = await call<MessageStage[]>("messages:stages", { messageId: answer.id });
    expect((stages.find((s) => s.kind === "report")?.meta as unknown as PrivacyReport).fallback?.code).toBe("offline");
    expect(stages.some((s) => s.kind === "notice")).toBe(true);
  });

  it("sends Cloud-mode messages as typed, without the private profile, and audits them", async () => {
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "cloud" });
    const before = cloud.requests.length;
    const answer = await ask(conversation.id, "What is a good recipe for lentil soup?");
    expect(answer.status).toBe("done");
    const received = cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");
    expect(received).toContain("lentil soup");
    expect(received).not.toContain("Quedlinburg");
    expect(await call<EgressRecord[]>("egress:list", { conversationId: conversation.id })).toHaveLength(1);
  });
});
