import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppSettings, ConversationSummary, EgressRecord } from "../../app/contract/types";
import { replyWithPlaceholders, startRecordingCloud, type RecordingCloud } from "../helpers/recordingCloud";
import { answers } from "./support/answers";
import { getRoomyTinyModelPath } from "./support/roomyTinyModel";
import { SCREENSHOTS, startE2eApp, type E2eApp } from "./support/startE2eApp";

const NAME = "Margarethe Vollstedt";
const MESSAGE = `I was diagnosed with type 1 diabetes. Write a short note from ${NAME} asking for Friday off.`;

/**
 * Auto mode in the browser (issue #16): the default once a cloud model is set up, the route and
 * its reason under the answer, "ask the other way", and "always answer this conversation on the
 * device" — with the recording server's own record of what it received.
 */
describe("Auto mode in the browser", () => {
  let app: E2eApp;
  let page: Page;
  let cloud: RecordingCloud;
  const lastAnswer = () => page.getByRole("article", { name: "Tandem answered" }).last();
  const badge = () => lastAnswer().getByRole("note", { name: "Where this answer was made" });

  beforeAll(async () => {
    cloud = await startRecordingCloud({ reply: replyWithPlaceholders });
    app = await startE2eApp("auto");
    page = app.page;
    await app.call("settings:update", { threads: 1, maxAnswerTokens: 32, contextSize: 4096 });
    await app.call("models:add", { path: await getRoomyTinyModelPath() });
    await app.call("cloud:configure", {
      baseUrl: cloud.baseUrl,
      model: "test-model",
      apiKey: "sk-e2e-auto-0123456789",
    });
    await page.goto(app.web.url);
    await page
      .getByText("Auto — each message is answered on this device or polished by the cloud, whichever is safe")
      .waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    try {
      await app?.close();
    } finally {
      await cloud?.close();
    }
  });

  it("offers Auto as the mode of a new conversation once a cloud model is set up", async () => {
    expect(await page.getByRole("radio", { name: "Auto", exact: true }).isChecked()).toBe(true);
  });

  it("answers a message about the user's health on this device, says why, and sends nothing", async () => {
    const answer = answers(page);
    await answer.mark();
    await page.getByLabel("Message", { exact: true }).fill(MESSAGE);
    await page.getByLabel("Message", { exact: true }).press("Enter");
    await answer.next();
    await expect
      .poll(() => badge().locator(".route-reason").textContent())
      .toBe("Answered on this device: your message mentions a health condition.");
    expect(cloud.requests).toHaveLength(0);
    const [conversation] = await app.call<ConversationSummary[]>("conversations:list");
    expect(conversation?.mode).toBe("auto");
    await app.shot("40-auto-answered-on-device");
  });

  it("re-asks the same message through the cloud with one click, and the cloud sees placeholders only", async () => {
    const answer = answers(page);
    await answer.mark();
    await badge().getByRole("button", { name: "Ask through the cloud instead" }).click();
    await answer.next();
    await expect
      .poll(() => badge().locator(".route-reason").textContent())
      .toMatch(/^Polished by the cloud: [1-9]\d* private items? replaced\. You asked for the cloud\.$/);
    const received = cloud.receivedText();
    expect(received).toContain("Friday off");
    for (const value of ["Margarethe", "Vollstedt", "diabetes"]) expect(received).not.toContain(value);
    const [conversation] = await app.call<ConversationSummary[]>("conversations:list");
    expect(await app.call<EgressRecord[]>("egress:list", { conversationId: conversation!.id })).toHaveLength(1);
    // Like Regenerate, the re-asked answer is shown in place of the first (kept as a variant).
    expect(await page.getByRole("article", { name: "Tandem answered" }).count()).toBe(1);
    await app.shot("41-auto-asked-through-cloud");
  });

  it("switches the conversation to Private with “Always answer this conversation on the device”", async () => {
    await badge().getByRole("button", { name: "Always answer this conversation on the device" }).click();
    await expect.poll(() => page.getByRole("radio", { name: "Private", exact: true }).isChecked()).toBe(true);
    const [conversation] = await app.call<ConversationSummary[]>("conversations:list");
    expect(conversation?.mode).toBe("private");
  });

  it("keeps always-local topics from Settings → Privacy", async () => {
    await page.getByRole("button", { name: "Settings", exact: true }).click();
    await page.getByLabel("Add an always-local topic").fill("my divorce");
    await page.getByLabel("Add an always-local topic").press("Enter");
    await expect
      .poll(async () => (await app.call<AppSettings>("settings:get")).alwaysLocalTopics)
      .toEqual(["my divorce"]);
    await page
      .getByRole("region", { name: "Privacy", exact: true })
      .screenshot({ path: join(SCREENSHOTS, "42-settings-always-local.png") });
  });
});
