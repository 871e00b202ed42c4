import { fileURLToPath } from "node:url";
import type { Page, Request } from "playwright-core";
import { EVENT_STREAM_PATH } from "../../app/contract/channels";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationSummary, LiveAnswer, Message, MessageStage } from "../../app/contract/types";
import { startWebHost, type WebHost } from "../../main/web/startWebHost";
import { replyWithPlaceholders, startRecordingCloud, type RecordingCloud } from "../helpers/recordingCloud";
import { getRoomyEndlessTinyModelPath } from "./support/roomyTinyModel";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

const RENDERER_DIR = fileURLToPath(new URL("../../dist/renderer", import.meta.url));

/**
 * A Hybrid answer whose event stream drops while the local model writes the sketch — the browser
 * host restarts, as after a laptop's sleep — and comes back while the answer is still being
 * written: the stage view must show the whole sketch, not the part that arrived before the cut.
 * The cloud sends two chunks and then stalls, so the answer is still running when the page is back.
 */
describe("the live stage view across an event-stream reconnect", () => {
  let app: E2eApp;
  let page: Page;
  let cloud: RecordingCloud;
  /** The browser host started again after the cut (startE2eApp's own one is closed then). */
  let restarted: WebHost | null = null;
  const lastAnswer = () => page.getByRole("article", { name: "Tandem answered" }).last();

  /** Starts the browser host again on the port the page knows, as a restarted host would be, and waits for the page. */
  async function restartHost(): Promise<void> {
    const { port } = new URL(app.web.origin);
    restarted = await startWebHost({
      host: app.host,
      rendererDir: RENDERER_DIR,
      port: Number(port),
      token: app.web.token,
    });
    await expect.poll(() => page.getByText("Reconnecting to Tandem…").isVisible(), { timeout: 20_000 }).toBe(false);
  }

  beforeAll(async () => {
    cloud = await startRecordingCloud({ reply: replyWithPlaceholders, fault: { stallStreamAfterChunks: 2 } });
    app = await startE2eApp("live-reconnect");
    page = app.page;
    await app.call("settings:update", {
      threads: 1,
      maxAnswerTokens: 96,
      contextSize: 4096,
      thoroughModelCheck: false,
    });
    // Never ends by itself: the sketch always runs to 96 tokens, well past the first pieces.
    await app.call("models:add", { path: await getRoomyEndlessTinyModelPath() });
    await app.call("cloud:configure", {
      baseUrl: cloud.baseUrl,
      model: "test-model",
      apiKey: "sk-e2e-live-0123456789",
    });
    await page.goto(app.web.url);
    await page.getByRole("button", { name: "New conversation" }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    try {
      await restarted?.close();
      await app?.close();
    } finally {
      await cloud?.close();
    }
  });

  it("shows the whole sketch after the stream comes back while the answer is still written", async () => {
    await page.getByRole("button", { name: "New conversation" }).click();
    await page.getByRole("radio", { name: "Hybrid", exact: true }).check();
    // The host's stream goes down right after it sent a sketch piece — once the page's calls
    // (the send, the sidebar's reload) have their replies, so none of them fails on the cut.
    const calls = countOpenCalls(page);
    let cut: Promise<void> | null = null;
    const stopWatching = app.host.onEvent((event) => {
      if (cut || calls.open() > 0 || event.type !== "message:token" || event.stage !== "sketch") return;
      cut = app.web.close();
    });
    const composer = page.getByLabel("Message", { exact: true });
    await composer.fill("Write two lines to my landlord about the broken heating.");
    await composer.press("Enter");
    await expect.poll(() => cut !== null, { timeout: 90_000 }).toBe(true);
    stopWatching();
    calls.stop();
    await cut;
    await expect.poll(() => page.getByText("Reconnecting to Tandem…").isVisible(), { timeout: 15_000 }).toBe(true);
    // Down while the sketch is finished, sanitized and sent, and the cloud's first chunks arrive and are restored.
    const running = async () => (await app.call<LiveAnswer[]>("messages:live"))[0];
    await expect.poll(async () => (await running())?.text ?? "", { timeout: 90_000 }).not.toBe("");
    await restartHost();

    const onHost = (await running())!;
    expect(onHost.streams.sketch!.length).toBeGreaterThan(0);
    await lastAnswer().getByText("Show the stages as they stream").click();
    const sketch = lastAnswer().getByRole("region", { name: "Local sketch — stays on this device" });
    await expect.poll(() => sketch.locator("pre").textContent()).toBe(onHost.streams.sketch);
    const cloudText = lastAnswer().getByRole("region", { name: "Cloud answer, before restoring your details" });
    expect(await cloudText.locator("pre").textContent()).toBe(onHost.streams.cloud);
    expect(await lastAnswer().getByRole("listitem").allTextContents()).toEqual(
      expect.arrayContaining(["Local sketch", "Sanitizing"]),
    );
    // The answer's own text from the cloud's chunks, which the host saves only each second, is all there.
    await expect.poll(() => lastAnswer().locator(".message-body").textContent()).toBe(onHost.text.trim());
    await app.shot("40-live-stages-after-reconnect");

    // Stopped now, the answer stores its sketch: the one the view showed.
    await page.getByRole("button", { name: "Stop" }).click();
    await expect.poll(() => lastAnswer().getAttribute("class"), { timeout: 30_000 }).not.toContain("status-streaming");
    const [conversation] = await app.call<ConversationSummary[]>("conversations:list");
    const { messages } = await app.call<{ messages: Message[] }>("conversations:get", { id: conversation!.id });
    const stages = await app.call<MessageStage[]>("messages:stages", { messageId: messages.at(-1)!.id });
    expect(stages.find((s) => s.kind === "sketch")?.content).toBe(onHost.streams.sketch);
    expect(await app.call<LiveAnswer[]>("messages:live")).toEqual([]);
  });

  it("shows the stages written so far when the page is reloaded during a Hybrid answer", async () => {
    const composer = page.getByLabel("Message", { exact: true });
    await composer.fill("And a third line about the radiator.");
    await composer.press("Enter");
    const running = async () => (await app.call<LiveAnswer[]>("messages:live"))[0];
    await expect.poll(async () => (await running())?.streams.cloud ?? "", { timeout: 90_000 }).not.toBe("");
    await page.reload();
    await lastAnswer().getByText("Show the stages as they stream").click({ timeout: 30_000 });
    const onHost = (await running())!;
    const sketch = lastAnswer().getByRole("region", { name: "Local sketch — stays on this device" });
    await expect.poll(() => sketch.locator("pre").textContent()).toBe(onHost.streams.sketch);
    await page.getByRole("button", { name: "Stop" }).click();
    await expect.poll(async () => (await app.call<LiveAnswer[]>("messages:live")).length, { timeout: 30_000 }).toBe(0);
  });

  it("takes back the 'not reachable' alert of a call made while the host was down once the host is back", async () => {
    await restarted!.close();
    await expect.poll(() => page.getByText("Reconnecting to Tandem…").isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole("button", { name: "New conversation" }).click();
    const composer = page.getByLabel("Message", { exact: true });
    await composer.fill("Are you still there?");
    await composer.press("Enter");
    const alert = page.locator(".notice").getByText("Tandem is not reachable", { exact: false });
    await expect.poll(() => alert.isVisible(), { timeout: 15_000 }).toBe(true);
    await restartHost();
    await expect.poll(() => alert.isVisible(), { timeout: 5_000 }).toBe(false);
    // Nothing typed was lost, and the alert no longer covers the composer.
    expect(await composer.inputValue()).toBe("Are you still there?");
  });

  it("ran without script errors, apart from the refused reconnection attempts this test caused", () => {
    const problems = app.session.problems.filter((p) => !p.includes("net::ERR_CONNECTION_REFUSED"));
    expect(problems).toEqual([]);
  });
});

/** Counts the page's API calls awaiting their reply (the event stream is not one). */
function countOpenCalls(page: Page): { open(): number; stop(): void } {
  const open = new Set<Request>();
  const isCall = (request: Request) => {
    const path = new URL(request.url()).pathname;
    return path.startsWith("/api/") && path !== EVENT_STREAM_PATH;
  };
  const started = (request: Request) => void (isCall(request) && open.add(request));
  const ended = (request: Request) => void open.delete(request);
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  return {
    open: () => open.size,
    stop: () => {
      page.off("request", started);
      page.off("requestfinished", ended);
      page.off("requestfailed", ended);
    },
  };
}
