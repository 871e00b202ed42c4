import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppSettings, ConversationSummary } from "../../app/contract/types";
import { replyWithPlaceholders, startRecordingCloud, type RecordingCloud } from "../helpers/recordingCloud";
import { answers } from "./support/answers";
import { readSteps, startRecordingSteps } from "./support/recordSteps";
import { getRoomyEndlessTinyModelPath } from "./support/roomyTinyModel";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

const BANNER = "Offline — nothing leaves this device; Hybrid and Cloud answer locally";

/**
 * Offline mode and the local fallback end to end: with Offline on, a Hybrid conversation answers
 * on the device and the recording server hears nothing; with the cloud failing, the answer is
 * the local draft and says why — on the answer itself.
 */
describe("Offline mode and the local fallback in the browser", () => {
  let app: E2eApp;
  let page: Page;
  let cloud: RecordingCloud;
  const lastAnswer = () => page.getByRole("article", { name: "Tandem answered" }).last();
  /** Sends like a user; returns a function that waits for this message's answer to finish. */
  const send = async (text: string): Promise<() => Promise<void>> => {
    const answer = answers(page);
    await answer.mark();
    await page.getByLabel("Message", { exact: true }).fill(text);
    await page.getByLabel("Message", { exact: true }).press("Enter");
    return () => answer.next();
  };
  const offlineSwitch = () => page.getByRole("switch", { name: "Offline mode" });

  beforeAll(async () => {
    cloud = await startRecordingCloud({ reply: replyWithPlaceholders });
    app = await startE2eApp("offline");
    page = app.page;
    await app.call("settings:update", { threads: 1, maxAnswerTokens: 32, contextSize: 4096 });
    await app.call("models:add", { path: await getRoomyEndlessTinyModelPath() });
    // Settings → Cloud is exercised in hybridChat.test.ts; here the set-up is a given.
    await app.call("cloud:configure", { baseUrl: cloud.baseUrl, model: "test-model" });
    const conversation = await app.call<ConversationSummary>("conversations:create", { mode: "hybrid" });
    await app.call("conversations:rename", { id: conversation.id, title: "Letter to the landlord" });
    await page.goto(app.web.url);
    await page.getByRole("button", { name: "Letter to the landlord" }).click({ timeout: 30_000 });
    await page.getByText("Hybrid — a cloud model polishes a sanitized draft; private details stay here").waitFor();
  });

  afterAll(async () => {
    try {
      await app?.close();
    } finally {
      await cloud?.close();
    }
  });

  it("turns Offline mode on from the sidebar and says so on every screen", async () => {
    expect(await offlineSwitch().getAttribute("aria-checked")).toBe("false");
    expect(await page.getByText(BANNER).count()).toBe(0);
    await offlineSwitch().click();
    await expect.poll(() => page.getByText(BANNER).isVisible()).toBe(true);
    expect(await offlineSwitch().getAttribute("aria-checked")).toBe("true");
    // The switch moves at once (optimistic); the host has it when the reply is in.
    await expect.poll(async () => (await app.call<AppSettings>("settings:get")).offline).toBe(true);
    await page.getByRole("button", { name: "Settings" }).click();
    expect(await page.getByText(BANNER).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Back to chat" }).click();
  });

  it("answers a Hybrid message locally while offline, with a notice, and sends nothing", async () => {
    const before = cloud.requests.length;
    await startRecordingSteps(page);
    const answered = await send("Draft a reply to my landlord about the heating, please.");
    await answered();
    expect(await lastAnswer().getAttribute("class")).toContain("status-done");
    const notice = lastAnswer().getByRole("note");
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain("Offline mode");
    expect(await notice.textContent()).toContain("written on this device");
    expect((await lastAnswer().locator(".message-body").textContent())?.length).toBeGreaterThan(0);
    // The live steps showed while the local model sketched; the fallback itself is too quick to
    // see (it and the end of the answer arrive together), so the notice on the answer says it.
    expect(await readSteps(page)).toContain("Local sketch: active");
    await lastAnswer().getByRole("button", { name: "What left this device" }).click();
    expect(await lastAnswer().getByText("Nothing left this device for this answer.").isVisible()).toBe(true);
    await app.shot("40-offline-answer");
    expect(cloud.requests.length).toBe(before);
  });

  it("answers a Cloud message locally while offline, as the banner and the message box say, not with an error", async () => {
    const hybridTitle = (await page.getByRole("heading", { level: 1 }).textContent())!;
    await page.getByRole("button", { name: "New conversation" }).click();
    await page.getByRole("radio", { name: "Cloud", exact: true }).check();
    expect(await page.getByLabel("Message", { exact: true }).getAttribute("placeholder")).toBe(
      "Offline — this will be answered on this device",
    );
    // The badge under the title says the same, not "plain cloud chat… every request is logged".
    expect(await page.locator("#mode-description").textContent()).toBe(
      "Cloud — Offline: answered on this device with a notice; nothing is sent",
    );
    const before = cloud.requests.length;
    const answered = await send("Suggest a title for a short story about a lighthouse.");
    await answered();
    expect(await lastAnswer().getAttribute("class")).toContain("status-done");
    expect(await lastAnswer().getByRole("alert").count()).toBe(0);
    const notice = lastAnswer().getByRole("note");
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain("Offline mode is on, so nothing was sent to the cloud");
    expect((await lastAnswer().locator(".message-body").textContent())?.length).toBeGreaterThan(0);
    await app.shot("40-offline-cloud-answer");
    expect(cloud.requests.length).toBe(before);
    // Back to the Hybrid conversation the next tests continue.
    await page
      .getByRole("button", { name: new RegExp(`^${hybridTitle.slice(0, 24).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) })
      .first()
      .click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(hybridTitle);
  });

  it("offers Offline mode when the network goes away, and never turns it on by itself", async () => {
    await offlineSwitch().click();
    await expect.poll(async () => (await app.call<AppSettings>("settings:get")).offline).toBe(false);
    // The OS reports the loss to the page as navigator.onLine + an "offline" event; the page's own
    // link to Tandem on 127.0.0.1 keeps working, as it does when Wi-Fi drops.
    const goOffline = () =>
      page.evaluate(() => {
        Object.defineProperty(navigator, "onLine", { configurable: true, get: () => false });
        window.dispatchEvent(new Event("offline"));
      });
    await goOffline();
    const offer = page.getByRole("alert").filter({ hasText: "lost its network connection" });
    await expect.poll(() => offer.isVisible()).toBe(true);
    await app.shot("41-network-lost");
    await offer.getByRole("button", { name: "Not now" }).click();
    expect(await offer.count()).toBe(0);
    expect((await app.call<AppSettings>("settings:get")).offline).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await goOffline();
    await offer.getByRole("button", { name: "Turn on Offline mode" }).click();
    await expect.poll(async () => (await app.call<AppSettings>("settings:get")).offline).toBe(true);
    expect(await page.getByText(BANNER).isVisible()).toBe(true);
    await page.evaluate(() => {
      Object.defineProperty(navigator, "onLine", { configurable: true, get: () => true });
      window.dispatchEvent(new Event("online"));
    });
    await offlineSwitch().click();
    await expect.poll(() => page.getByText(BANNER).count()).toBe(0);
  });

  it("falls back to the local draft when the cloud fails, and says so on the answer", async () => {
    cloud.setFault({ status: 500 });
    const before = cloud.requests.length;
    await startRecordingSteps(page);
    const answered = await send("Now a shorter version, please.");
    await answered();
    expect(await lastAnswer().getAttribute("class")).toContain("status-done");
    const notice = lastAnswer().getByRole("note");
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain("This answer is the local model's draft");
    expect(await lastAnswer().locator(".answer-notice").getAttribute("class")).toContain("fallback");
    expect(await readSteps(page)).toContain("Local sketch: active");
    // The sanitized request did leave (and failed there); the panel says exactly that.
    expect(cloud.requests.length).toBeGreaterThan(before);
    await lastAnswer().getByRole("button", { name: "What left this device" }).click();
    expect(await lastAnswer().locator(".report-headline").textContent()).toMatch(/0 left the device$/);
    await lastAnswer().evaluate((el) => el.scrollIntoView({ block: "start" }));
    await app.shot("42-fallback");
    cloud.setFault(null);
  });

  it("ran without script errors or Content-Security-Policy violations", () => {
    expect(app.session.problems).toEqual([]);
  });
});
