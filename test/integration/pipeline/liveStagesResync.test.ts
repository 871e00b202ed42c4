import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApi, type Channel, type TandemBridge } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type { ChatEvent, ConversationSummary, LiveAnswer, Message, MessageStage } from "../../../app/contract/types";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import type { ConnectionState } from "../../../renderer/src/api/Backend";
import { startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";
import { getEndlessTinyModel2kPath } from "../hybrid/support/tinyModel2k";

/**
 * The renderer's stores wired (wireBackend) to a real host, whose event stream the test cuts and
 * restores as a sleeping laptop or a restarted browser host would: events sent meanwhile are lost.
 * The cloud sends one chunk and then stalls, so the answer is still being written at reconnect.
 */
describe("the live stage view after the event stream reconnects", () => {
  let dir: string;
  let host: Host;
  let cloud: RecordingCloud;
  let stores: Awaited<ReturnType<typeof importStores>>;
  let connection: (state: ConnectionState) => void = () => {};
  /** While false, events the host sends never reach the page. */
  let streaming = true;
  /** Cut the stream right after the page got the next sketch piece. */
  let cutAfterSketchPiece = false;
  /** Cut the stream right after the page got the next piece of an answer's own text. */
  let cutAfterAnswerPiece = false;
  const hostEvents: ChatEvent[] = [];

  async function call<T>(channel: Channel, payload: unknown = {}): Promise<T> {
    const result = (await host.handle(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  const importStores = async () => ({
    ...(await import("../../../renderer/src/api/connectBackend")),
    ...(await import("../../../renderer/src/stores/wireBackend")),
    ...(await import("../../../renderer/src/stores/stagesStore")),
    ...(await import("../../../renderer/src/stores/chatStore")),
  });

  /** Starts a Hybrid answer and cuts the stream once the page has seen the sketch begin. */
  async function startAnswerAndCutStream(): Promise<Message> {
    expect(streaming).toBe(true);
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "hybrid" });
    const sent = await call<{ assistantMessage: Message }>("chat:send", {
      conversationId: conversation.id,
      text: "Write two lines to my landlord about the broken heating.",
    });
    cutAfterSketchPiece = true;
    await vi.waitFor(() => expect(streaming).toBe(false), { timeout: 60_000 });
    return sent.assistantMessage;
  }

  function deliver(event: ChatEvent, listener: (event: ChatEvent) => void): void {
    if (!streaming) return;
    listener(event);
    if (event.type !== "message:token") return;
    const answerPiece = (event.stage ?? "answer") === "answer";
    if (!(cutAfterSketchPiece && event.stage === "sketch") && !(cutAfterAnswerPiece && answerPiece)) return;
    cutAfterSketchPiece = cutAfterAnswerPiece = false;
    streaming = false;
    connection("reconnecting");
  }

  function reconnect(): void {
    streaming = true;
    connection("connected");
  }

  const liveOnHost = async (id: string) => (await call<LiveAnswer[]>("messages:live")).find((a) => a.messageId === id);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-live-resync-"));
    cloud = await startRecordingCloud({ fault: { stallStreamAfterChunks: 1 } });
    host = await createHost({ dataDir: dir, kind: "web", gpu: false, quiet: true });
    host.onEvent((event) => hostEvents.push(event));
    await call("settings:update", { threads: 1, maxAnswerTokens: 48, contextSize: 2048, thoroughModelCheck: false });
    await call("models:add", { path: await getEndlessTinyModel2kPath() });
    await call("cloud:configure", { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-test-live-resync-0123" });
    const bridge = { api: buildApi((channel, request) => host.handle(channel, request)) } as TandemBridge;
    vi.stubGlobal("window", { tandem: bridge });
    stores = await importStores();
    stores.connectBackend();
    stores.wireBackend({
      api: bridge.api,
      onEvent: (listener) => host.onEvent((event) => deliver(event, listener)),
      onConnection: (listener) => ((connection = listener), listener("connected"), () => {}),
      onUnauthorized: () => () => {},
    });
  });

  afterAll(async () => {
    vi.unstubAllGlobals();
    await host?.close();
    await cloud?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows the whole sketch and the cloud text sent while the stream was down, once it is back", async () => {
    const answer = await startAnswerAndCutStream();
    // Down while the sketch is finished, sanitized and sent, and the cloud's first chunk arrives.
    await vi.waitFor(async () => expect((await liveOnHost(answer.id))?.streams.cloud).toBeTruthy(), {
      timeout: 60_000,
    });
    const missed = stores.useStagesStore.getState().live[answer.id]!;
    const onHost = (await liveOnHost(answer.id))!;
    expect(missed.streams.sketch!.length).toBeLessThan(onHost.streams.sketch!.length);

    reconnect();
    await vi.waitFor(() => expect(stores.useStagesStore.getState().live[answer.id]?.streams.cloud).toBeTruthy());
    const view = stores.useStagesStore.getState().live[answer.id]!;
    expect(view.steps).toEqual(["context", "sketch", "sanitizing", "cloud"]);
    expect(view.streams).toEqual(onHost.streams);

    await call("chat:stop", { conversationId: answer.conversationId });
    await vi.waitFor(() => expect(stores.useStagesStore.getState().live[answer.id]).toBeUndefined());
    // What the view showed is the sketch the answer stored.
    const stored = await call<MessageStage[]>("messages:stages", { messageId: answer.id });
    expect(stored.find((s) => s.kind === "sketch")?.content).toBe(view.streams.sketch);
  });

  it("drops an answer from the live view when its end was sent while the stream was down", async () => {
    const answer = await startAnswerAndCutStream();
    await call("chat:stop", { conversationId: answer.conversationId });
    await vi.waitFor(() =>
      expect(hostEvents.some((e) => e.type === "message:finished" && e.message.id === answer.id)).toBe(true),
    );
    expect(stores.useStagesStore.getState().live[answer.id]).toBeDefined();
    expect(await liveOnHost(answer.id)).toBeUndefined();

    reconnect();
    await vi.waitFor(() => expect(stores.useStagesStore.getState().live[answer.id]).toBeUndefined());
    expect(await call<LiveAnswer[]>("messages:live")).toEqual([]);
  });

  it("shows an answer's text without a hole once the stream is back, although the host saves it only each second", async () => {
    await call("settings:update", { maxAnswerTokens: 4000 });
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "private" });
    const chat = stores.useChatStore;
    await chat.getState().open(conversation.id);
    cutAfterAnswerPiece = true;
    expect(await chat.getState().send("Tell me a long story about a lighthouse keeper.")).toBe(true);
    await vi.waitFor(() => expect(streaming).toBe(false), { timeout: 60_000 });
    const shown = () => chat.getState().messages.at(-1)!;
    const beforeCut = shown().content;
    // Pieces the host writes while the stream is down never reach the page.
    const onHost = async () => (await liveOnHost(shown().id))?.text ?? "";
    await vi.waitFor(async () => expect((await onHost()).length).toBeGreaterThan(beforeCut.length + 200), {
      timeout: 60_000,
    });

    reconnect();
    await vi.waitFor(() => expect(shown().content.length).toBeGreaterThan(beforeCut.length + 200));
    // Still being written: what the page shows is where the host's text was, and goes on from there.
    const onScreen = shown().content;
    expect(shown().status).toBe("streaming");
    expect((await onHost()).startsWith(onScreen)).toBe(true);
    await vi.waitFor(() => expect(shown().content.length).toBeGreaterThan(onScreen.length));
    expect((await onHost()).startsWith(shown().content)).toBe(true);
    await call("chat:stop", { conversationId: conversation.id });
  });
});
