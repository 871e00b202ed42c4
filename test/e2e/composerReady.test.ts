import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationDetail, ConversationSummary } from "../../app/contract/types";
import { getEndlessTinyModelPath } from "./support/endlessTinyModel";
import { holdFirstReply } from "./support/holdFirstReply";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

/**
 * The composer is ready the moment an answer looks done. An answer's end travels on the event
 * stream and its request's reply on another connection, so a fast answer can end before the reply
 * arrives; the user who then types and presses Enter must not be ignored.
 */
describe("The composer right after an answer", () => {
  let app: E2eApp;
  let page: Page;
  const composer = () => page.getByLabel("Message", { exact: true });
  const answers = () => page.getByRole("article", { name: "Tandem answered" });
  const questions = () => page.getByRole("article", { name: "You said" });

  beforeAll(async () => {
    app = await startE2eApp("composer");
    page = app.page;
    // Short answers from the model that never ends by itself: each one ends after 16 tokens.
    await app.call("settings:update", { threads: 1, maxAnswerTokens: 16 });
    await app.call("models:add", { path: await getEndlessTinyModelPath() });
    await page.goto(app.web.url);
    await page.getByText("What can I help with?").waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it("sends a message typed and sent with Enter as soon as the previous answer shows done, though that answer ended before its request's reply came", async () => {
    // The first send's reply is held back (a slow connection), so the answer ends before it.
    const reply = await holdFirstReply(page, "/api/chat:send");
    await composer().fill("First question about the garden");
    await composer().press("Enter");
    const id = await openConversationId(app);
    await expect
      .poll(async () => (await app.call<ConversationDetail>("conversations:get", { id })).messages.at(-1)?.status, {
        timeout: 60_000,
      })
      .toBe("done");
    // The event stream is ordered: once this later event shows, the page has had the answer's end.
    await app.call("conversations:rename", { id, title: "Garden questions" });
    await app.call("conversations:setMode", { id, mode: "private" });
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Garden questions");
    await composer().fill("Second question about the roses");
    // While the reply is out the answer may look done only if Send (and Enter) works.
    const shownDone = (await answers().and(page.locator(".status-done")).count()) > 0;
    expect(await page.getByRole("button", { name: "Send message" }).isEnabled()).toBe(shownDone);
    reply.release();
    await expect.poll(() => answers().last().getAttribute("class"), { timeout: 30_000 }).toContain("status-done");
    await composer().press("Enter");
    await expect
      .poll(() => questions().last().textContent(), { timeout: 30_000 })
      .toContain("Second question about the roses");
    expect(await composer().inputValue()).toBe("");
    await expect
      .poll(async () =>
        (await app.call<ConversationDetail>("conversations:get", { id })).messages.map((m) => m.content),
      )
      .toContain("Second question about the roses");
    await expect.poll(() => answers().count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => answers().last().getAttribute("class"), { timeout: 60_000 }).toContain("status-done");
  });
});

async function openConversationId(app: E2eApp): Promise<string> {
  await expect
    .poll(async () => (await app.call<ConversationSummary[]>("conversations:list")).length, { timeout: 30_000 })
    .toBe(1);
  const [conversation] = await app.call<ConversationSummary[]>("conversations:list");
  return conversation!.id;
}
