import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../../app/contract/channels";
import type { ChatEvent, ConversationSummary, EgressRecord, Message, MessageStage } from "../../../app/contract/types";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { callHost, finishedMessage } from "../../helpers/hostCalls";
import { startRecordingCloud } from "../../helpers/recordingCloud";
import { getTinyModel2kPath } from "../hybrid/support/tinyModel2k";

/**
 * Auto mode through the real host (issue #16) for a German user whose notes hold a diagnosis: a
 * message that repeats the health term is answered on the device, and the recording server on
 * 127.0.0.1 receives nothing.
 */
describe("Auto mode with a German health term in the notes", () => {
  let dir: string;
  let host: Host;
  let cloud: Awaited<ReturnType<typeof startRecordingCloud>>;
  const events: ChatEvent[] = [];

  const call = <T>(channel: Channel, payload?: unknown) => callHost<T>(host, channel, payload);

  const finished = (messageId: string) => finishedMessage(events, messageId);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-auto-health-"));
    cloud = await startRecordingCloud();
    host = await createHost({ dataDir: dir, kind: "web", gpu: false, quiet: true });
    host.onEvent((event) => events.push(event));
    await call("settings:update", {
      threads: 1,
      maxAnswerTokens: 16,
      contextSize: 2048,
      locale: "de-DE",
      hybridStrategy: "cloud-outline",
    });
    await call("models:add", { path: await getTinyModel2kPath() });
    await call("cloud:configure", { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-test-auto-0123456789" });
  });

  afterAll(async () => {
    await host.close();
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers on the device a message that repeats the diagnosis from the notes, and the cloud receives nothing", async () => {
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "auto" });
    await call("context:addText", {
      title: "Befund",
      text: "Befund vom März: Arthrose im rechten Knie, dazu Schuppenflechte an den Ellbogen.",
      conversationId: conversation.id,
    });
    const before = cloud.requests.length;
    const sent = await call<{ assistantMessage: Message }>("chat:send", {
      conversationId: conversation.id,
      text: "Schreib meinem Chef, dass ich wegen der Arthrose am Montag früher gehen muss.",
    });
    const answer = await finished(sent.assistantMessage.id);
    expect(answer.status).toBe("done");
    expect(cloud.requests.length).toBe(before);
    expect(cloud.receivedText()).not.toMatch(/Arthrose|Schuppenflechte/i);
    expect(await call<EgressRecord[]>("egress:list", { conversationId: conversation.id })).toEqual([]);
    const stages = await call<MessageStage[]>("messages:stages", { messageId: answer.id });
    expect(stages.find((s) => s.kind === "route")).toMatchObject({
      content: expect.stringMatching(/^Answered on this device: .*health/),
      meta: { route: "local" },
    });
  });
});
