import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationDetail, ConversationSummary, ImportSummary, ModelInfo } from "../../app/contract/types";
import { startRecordingCloud, type RecordingCloud } from "../helpers/recordingCloud";
import { getTinyModelPath } from "../helpers/tinyModel";
import { answers } from "./support/answers";
import { getEndlessTinyModelPath } from "./support/endlessTinyModel";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

/** A real letter as an answer (the tiny model writes noise): brought in through the import feature. */
const LETTER = [
  "Anna Berg",
  "Lindenstraße 5",
  "10115 Berlin",
  "",
  "Dear Mr. Smith,",
  "",
  "the heating in my flat has not worked since **Monday**. ~~I called once~~ I have called three times.",
  "",
  "| Room | Temperature |",
  "| --- | --- |",
  "| Living room | 14 °C |",
  "| Bedroom | 12 °C |",
  "",
  "- [x] Reported by phone",
  "- [ ] Repaired",
  "",
  "Kind regards,",
  "Anna Berg",
].join("\n");

const TRANSCRIPT = [
  "# Letter about the heating",
  "## User",
  "Write a letter to my landlord about the heating.",
  "## Assistant",
  LETTER,
].join("\n\n");

/** Issue 12, "Answers": letters keep their lines, GitHub-style Markdown, kept variants, Continue, titles. */
describe("answers in the browser", () => {
  let app: E2eApp;
  let page: Page;
  let files: string;
  let cloud: RecordingCloud;
  const lastAnswer = () => page.getByRole("article", { name: "Tandem answered" }).last();

  async function openLetter(): Promise<void> {
    await page
      .getByRole("button", { name: /^Letter about the heating/ })
      .first()
      .click();
    await expect.poll(() => lastAnswer().textContent(), { timeout: 30_000 }).toContain("Kind regards,");
  }

  beforeAll(async () => {
    // A cloud on 127.0.0.1 that answers with a letter: real text with single line breaks.
    cloud = await startRecordingCloud({ reply: "Dear Mr. Smith,\nthe heating is broken.\nKind regards,\nAnna" });
    app = await startE2eApp("answers");
    page = app.page;
    files = mkdtempSync(join(tmpdir(), "tandem-e2e-answers-"));
    writeFileSync(join(files, "letter.md"), TRANSCRIPT);
    const model = await app.call<ModelInfo>("models:add", { path: await getTinyModelPath() });
    await app.call("settings:update", { activeModelId: model.id, threads: 1, theme: "light" });
    const summary = await app.call<ImportSummary>("data:import", { path: join(files, "letter.md") });
    expect(summary).toMatchObject({ source: "markdown", conversationsImported: 1 });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.web.origin });
    await page.goto(app.web.url);
  });

  afterAll(async () => {
    try {
      await app?.close();
    } finally {
      await cloud?.close();
      if (files) rmSync(files, { recursive: true, force: true });
    }
  });

  it("shows a letter with its address block, greeting and sign-off on their own lines", async () => {
    await openLetter();
    const paragraphs = lastAnswer().locator(".markdown > p");
    expect(await paragraphs.first().innerText()).toBe("Anna Berg\nLindenstraße 5\n10115 Berlin");
    expect(await paragraphs.last().innerText()).toBe("Kind regards,\nAnna Berg");
    expect(await lastAnswer().locator(".markdown br").count()).toBe(3);
  });

  it("renders a table, strikethrough and a task list, in the light theme and the dark one", async () => {
    const answer = lastAnswer();
    expect(await answer.getByRole("table").getByRole("row").count()).toBe(3);
    expect(await answer.getByRole("columnheader", { name: "Temperature" }).isVisible()).toBe(true);
    expect(await answer.locator("del").innerText()).toBe("I called once");
    const boxes = answer.getByRole("checkbox");
    expect(await boxes.count()).toBe(2);
    expect([await boxes.first().isChecked(), await boxes.last().isChecked()]).toEqual([true, false]);
    await app.shot("70-letter-gfm-light");
    await app.call("settings:update", { theme: "dark" });
    await page.reload();
    await openLetter();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? document.documentElement.className))
      .toMatch(/dark/);
    // The table's header cells take the theme's surface, not a light default.
    const headerBackground = await lastAnswer()
      .getByRole("columnheader")
      .first()
      .evaluate((th) => getComputedStyle(th).backgroundColor);
    const [r, g, b] = headerBackground.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 100);
    await app.shot("71-letter-gfm-dark");
    await app.call("settings:update", { theme: "light" });
  });

  it("copies the answer with its line breaks", async () => {
    await lastAnswer().getByRole("button", { name: "Copy answer" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(LETTER);
  });

  it("keeps line breaks in a Cloud answer and in What left this device, as they went over the wire", async () => {
    await app.call("cloud:configure", { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-e2e-answers-1234" });
    const conversation = await app.call<ConversationSummary>("conversations:create", { mode: "cloud" });
    await app.call("conversations:rename", { id: conversation.id, title: "Cloud letter" });
    await page.reload();
    await page
      .getByRole("button", { name: /^Cloud letter/ })
      .first()
      .click();
    const next = answers(page);
    await next.mark();
    const composer = page.getByLabel("Message", { exact: true });
    await composer.fill("Write to my landlord:\nthe heating is broken\nsince Monday");
    await composer.press("Enter");
    await next.next();
    expect(await lastAnswer().locator(".markdown > p").first().innerText()).toBe(
      "Dear Mr. Smith,\nthe heating is broken.\nKind regards,\nAnna",
    );
    const sent = JSON.parse(cloud.requests.at(-1)!.body) as { messages: Array<{ role: string; content: string }> };
    expect(sent.messages.at(-1)!.content).toContain("Write to my landlord:\nthe heating is broken\nsince Monday");
    await lastAnswer().getByRole("button", { name: "What left this device" }).click();
    const payload = lastAnswer().getByRole("region", { name: "Exact payload sent" });
    // Each line of the message on its own line, the \n escapes that went over the wire kept.
    expect(await payload.innerText()).toContain("Write to my landlord:\\n\nthe heating is broken\\n\nsince Monday");
    await payload.scrollIntoViewIfNeeded();
    await app.shot("75-what-left-line-breaks");
  });

  it("titles a conversation from its whole first message, not up to the 'Mr.'", async () => {
    await page.getByRole("button", { name: "New conversation" }).click();
    const composer = page.getByLabel("Message", { exact: true });
    await composer.fill("Write a letter to my landlord Mr. Smith about the broken heating in my flat");
    const next = answers(page);
    await next.mark();
    await composer.press("Enter");
    const sidebar = page.getByRole("navigation", { name: "Conversations" });
    await expect
      .poll(() => sidebar.getByText("Write a letter to my landlord Mr. Smith about the broken…").count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(await sidebar.getByText(/landlord Mr$/).count()).toBe(0);
    await next.next();
  });

  it("says when an answer was cut at the length limit, and Continue writes on in the same answer", async () => {
    const endless = await app.call<ModelInfo>("models:add", { path: await getEndlessTinyModelPath() });
    await app.call("settings:update", { activeModelId: endless.id, maxAnswerTokens: 16 });
    await page.getByRole("button", { name: "New conversation" }).click();
    // A cloud is set up above, so a new conversation starts in Auto (issue #16); Continue is about Private answers.
    await page.getByRole("radio", { name: "Private", exact: true }).check();
    const next = answers(page);
    await next.mark();
    await page.getByLabel("Message", { exact: true }).fill("Write me a long letter");
    await page.getByLabel("Message", { exact: true }).press("Enter");
    await next.next();
    const answer = lastAnswer();
    expect(await answer.getByText("Cut at the length limit").isVisible()).toBe(true);
    const id = await answer.getAttribute("id");
    const before = (await answer.locator(".message-body").textContent()) ?? "";
    await answer.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => lastAnswer().locator(".message-body").textContent(), { timeout: 60_000 }).not.toBe(before);
    await expect.poll(() => lastAnswer().getAttribute("class"), { timeout: 60_000 }).toContain("status-done");
    expect(await lastAnswer().getAttribute("id")).toBe(id);
    expect(await page.getByRole("article", { name: "Tandem answered" }).count()).toBe(1);
    const after = (await lastAnswer().locator(".message-body").textContent()) ?? "";
    expect(after.length).toBeGreaterThan(before.length);
    const conversation = (await app.call<ConversationSummary[]>("conversations:list"))[0]!;
    const stored = await app.call<ConversationDetail>("conversations:get", { id: conversation.id });
    expect(stored.messages[1]!.content.length).toBeGreaterThan(before.length);
    await app.shot("72-continued");
  });

  it("keeps the earlier answers on Regenerate: ‹ 1/3 › flips between them and the chosen one stays", async () => {
    const texts = [(await lastAnswer().locator(".message-body").textContent()) ?? ""];
    for (let i = 0; i < 2; i++) {
      const next = answers(page);
      await next.mark();
      await lastAnswer().getByRole("button", { name: "Regenerate" }).click();
      await next.next();
      texts.push((await lastAnswer().locator(".message-body").textContent()) ?? "");
    }
    const pager = lastAnswer().getByRole("group", { name: "Versions of this answer" });
    expect(await pager.innerText()).toContain("3/3");
    expect(await pager.getByRole("button", { name: "Next version" }).isDisabled()).toBe(true);
    await app.shot("73-variants-3-of-3");
    await pager.getByRole("button", { name: "Previous version" }).click();
    await pager.getByRole("button", { name: "Previous version" }).click();
    await expect.poll(() => pager.innerText()).toContain("1/3");
    expect(await lastAnswer().locator(".message-body").textContent()).toBe(texts[0]);
    expect(await page.getByRole("article", { name: "Tandem answered" }).count()).toBe(1);
    // The choice is stored: a reload shows the first answer, still 1/3.
    await page.reload();
    await page
      .getByRole("button", { name: /^Write me a long letter/ })
      .first()
      .click();
    await expect.poll(() => lastAnswer().locator(".message-body").textContent(), { timeout: 30_000 }).toBe(texts[0]);
    expect(await lastAnswer().getByRole("group", { name: "Versions of this answer" }).innerText()).toContain("1/3");
    await app.shot("74-variants-1-of-3");
  });
});
