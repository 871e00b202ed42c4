import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../app/contract/channels";
import type { Result } from "../../app/contract/errors";
import type { AppSettings, ConversationSummary } from "../../app/contract/types";
import { createHost } from "../../main/host/createHost";
import type { Host } from "../../main/host/Host";
import { startWebHost, type WebHost } from "../../main/web/startWebHost";
import { getTinyModelPath } from "../helpers/tinyModel";
import { getEndlessTinyModelPath } from "./support/endlessTinyModel";
import { launchChromium, type BrowserSession } from "./support/launchChromium";
import { readStreamSamples, startRecordingStream } from "./support/recordStreaming";

const RENDERER_DIR = fileURLToPath(new URL("../../dist/renderer", import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

/**
 * Private mode end to end: the browser host on 127.0.0.1 with a temporary TANDEM_HOME and the
 * tiny llama model, driven in Debian Chromium the way a user would — by labels and roles.
 */
describe("Private chat in the browser", () => {
  let dataDir: string;
  let host: Host;
  let web: WebHost;
  let session: BrowserSession;
  let page: Page;
  const previousHome = process.env.TANDEM_HOME;

  const lastAnswer = () => page.getByRole("article", { name: "Tandem answered" }).last();
  const lastQuestion = () => page.getByRole("article", { name: "You said" }).last();
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  async function call<T>(channel: Channel, payload: unknown = {}): Promise<T> {
    const result = (await host.handle(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  beforeAll(async () => {
    if (!existsSync(join(RENDERER_DIR, "index.html")))
      throw new Error("The UI is not built: run `npm run build:renderer` (npm run test:e2e does).");
    mkdirSync(SCREENSHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), "tandem-e2e-"));
    process.env.TANDEM_HOME = dataDir;
    host = await createHost({ dataDir, kind: "web", gpu: false, quiet: true });
    // One thread: the machine has two cores and the browser needs one to stay responsive.
    // Long answers at first leave time to press Stop: the endless model writes up to 16,000 tokens
    // (≈1,000 tokens/s here), then each answer is cut short from the Regenerate test on.
    await call("settings:update", { threads: 1, contextSize: 16_384, maxAnswerTokens: 16_000 });
    web = await startWebHost({ host, rendererDir: RENDERER_DIR });
    session = await launchChromium();
    page = session.page;
  });

  afterAll(async () => {
    await session?.browser.close();
    await web?.close();
    await host?.close();
    if (previousHome === undefined) delete process.env.TANDEM_HOME;
    else process.env.TANDEM_HOME = previousHome;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("opens on the setup screen and takes the token out of the address bar", async () => {
    await page.goto(web.url);
    await expect.poll(() => page.getByRole("heading", { name: "Welcome to Tandem" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => window.location.hash)).toBe("");
    expect(page.url()).not.toContain(web.token);
  });

  it("explains clearly why a file that is not a model was refused", async () => {
    const bogus = join(dataDir, "notes.gguf");
    writeFileSync(bogus, "my shopping list, certainly not a model");
    await page.getByLabel("Path to a .gguf model file").fill(bogus);
    await page.getByRole("button", { name: "Add model" }).click();
    const alert = page.getByRole("alert");
    await expect
      .poll(() => alert.textContent(), { timeout: 30_000 })
      .toContain("That file is not a usable GGUF model.");
    expect(await page.getByLabel("Path to a .gguf model file").getAttribute("aria-invalid")).toBe("true");
    await shot("01-setup-invalid-model");
    expect(await call("models:list")).toEqual([]);
    // Clearing the box clears the error about the path that was in it.
    await page.getByLabel("Path to a .gguf model file").fill("");
    await expect.poll(() => page.getByRole("form", { name: "Add a model" }).getByRole("alert").count()).toBe(0);
    expect(await page.getByLabel("Path to a .gguf model file").getAttribute("aria-invalid")).toBe("false");
  });

  it("adds the tiny model, makes it the active one and opens a private chat", async () => {
    // Its answers run to maxAnswerTokens, so there is time to watch them stream and to stop one.
    const modelPath = await getEndlessTinyModelPath();
    await page.getByLabel("Path to a .gguf model file").fill(modelPath);
    await page.getByRole("button", { name: "Add model" }).click();
    await expect
      .poll(() => page.getByText("Private — nothing leaves this device").isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await page.getByText("What can I help with?").isVisible()).toBe(true);
    const settings = await call<AppSettings>("settings:get");
    expect(settings.activeModelId).not.toBeNull();
    await shot("02-empty-chat");
  });

  it("streams the answer into the page while the model writes it", async () => {
    await startRecordingStream(page);
    const composer = page.getByLabel("Message", { exact: true });
    await composer.fill("Tell me a story about a lighthouse keeper");
    await composer.press("Shift+Enter");
    await composer.pressSequentially("Keep it short.");
    expect(await composer.inputValue()).toBe("Tell me a story about a lighthouse keeper\nKeep it short.");
    await composer.press("Enter");
    await expect
      .poll(() => lastQuestion().textContent(), { timeout: 30_000 })
      .toContain("lighthouse keeper\nKeep it short.");
    // The title derived from the first message reaches the sidebar (conversation:updated).
    const sidebar = page.getByRole("navigation", { name: "Conversations" });
    await expect.poll(() => sidebar.getByText(/^Tell me a story about a lighthouse keeper/).count()).toBe(1);
    // Watch for a while: the text must grow step by step, not arrive in one piece at the end.
    const watched = async () => {
      const samples = await readStreamSamples(page);
      return samples.length >= 6 && samples[samples.length - 1]!.at - samples[0]!.at >= 300;
    };
    await expect.poll(watched, { timeout: 60_000 }).toBe(true);
    const samples = await readStreamSamples(page);
    for (let i = 1; i < samples.length; i++) expect(samples[i]!.length).toBeGreaterThan(samples[i - 1]!.length);
    expect(await page.getByRole("button", { name: "Stop" }).isVisible()).toBe(true);
    await shot("03-streaming");
  });

  it("keeps the partial answer, marked stopped, when the user presses Stop", async () => {
    await page.getByRole("button", { name: "Stop" }).click();
    await expect
      .poll(() => lastAnswer().getByText("Stopped", { exact: true }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    const partial = await lastAnswer().locator(".message-body").textContent();
    expect(partial?.length).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    expect(await lastAnswer().locator(".message-body").textContent()).toBe(partial);
    await shot("04-stopped");
    // A reload (the token now comes from sessionStorage) shows the same stopped answer from disk.
    await page.reload();
    await page.getByRole("button", { name: /^Tell me a story/ }).click();
    await expect.poll(() => lastAnswer().locator(".message-body").textContent(), { timeout: 30_000 }).toBe(partial);
    expect(await lastAnswer().getByText("Stopped", { exact: true }).isVisible()).toBe(true);
  });

  it("shows a new answer on Regenerate, keeps the stopped one as version 1/2, and shows its speed", async () => {
    // Short answers from here on, so each finishes in a few seconds.
    await call("settings:update", { maxAnswerTokens: 24 });
    await lastAnswer().getByRole("button", { name: "Regenerate" }).click();
    await expect.poll(() => lastAnswer().getAttribute("class"), { timeout: 60_000 }).toContain("status-done");
    expect(await page.getByRole("article", { name: "Tandem answered" }).count()).toBe(1);
    expect(await page.getByText("Stopped", { exact: true }).count()).toBe(0);
    expect(await lastAnswer().getByRole("group", { name: "Versions of this answer" }).innerText()).toContain("2/2");
    const stats = await lastAnswer().locator(".message-stats").textContent();
    expect(stats).toMatch(/[\d.]+ tokens\/s/);
    expect(stats).toMatch(/first token [\d.]+ m?s/);
    await shot("05-regenerated");
  });

  it("edits the last question in place and answers it again", async () => {
    await lastQuestion().getByRole("button", { name: "Edit" }).click();
    const editor = page.getByLabel("Edited message");
    await editor.fill("Describe the lighthouse at night, with its lantern");
    await page.getByRole("button", { name: "Save and resend" }).click();
    await expect.poll(() => lastQuestion().textContent(), { timeout: 30_000 }).toContain("with its lantern");
    await expect.poll(() => lastAnswer().getAttribute("class"), { timeout: 60_000 }).toContain("status-done");
    expect(await page.getByRole("article", { name: "You said" }).count()).toBe(1);
    expect(await page.getByRole("article", { name: "Tandem answered" }).count()).toBe(1);
    await shot("06-edited");
  });

  it("finds the conversation by a word of the question and highlights the hit", async () => {
    await page.getByRole("button", { name: "New conversation" }).click();
    await page.getByLabel("Search all messages").fill("lantern");
    const hit = page.getByRole("button", { name: /lantern/ });
    await expect.poll(() => hit.count(), { timeout: 10_000 }).toBe(1);
    expect((await hit.locator("mark").allTextContents()).map((t) => t.toLowerCase())).toEqual(["lantern"]);
    await shot("07-search");
    await hit.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("with its lantern");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Tell me a story/);
  });

  it("renames the conversation inline", async () => {
    await page.getByLabel("Search all messages").press("Escape");
    await page.getByRole("listitem").filter({ hasText: "Tell me a story" }).hover();
    await page.getByRole("button", { name: /^Rename “Tell me a story/ }).click();
    const input = page.getByLabel("Conversation title");
    await input.fill("Lighthouse notes");
    await input.press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Lighthouse notes");
    // Keyboard focus returns to the renamed conversation instead of getting lost.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Lighthouse notes");
    expect(
      await page.getByRole("navigation", { name: "Conversations" }).getByText("Lighthouse notes").isVisible(),
    ).toBe(true);
    expect((await call<ConversationSummary[]>("conversations:list")).map((c) => c.title)).toEqual(["Lighthouse notes"]);
  });

  it("reconnects after the host restarts and catches up on what it missed", async () => {
    const [conversation] = await call<ConversationSummary[]>("conversations:list");
    const { port } = new URL(web.origin);
    await web.close();
    await expect.poll(() => page.getByText("Reconnecting to Tandem…").isVisible(), { timeout: 15_000 }).toBe(true);
    // Renamed while the page is cut off: it never gets that event.
    await call("conversations:rename", { id: conversation!.id, title: "Lantern log" });
    // Stay down long enough for a reconnection attempt or two to fail and back off.
    await page.waitForTimeout(2000);
    web = await startWebHost({ host, rendererDir: RENDERER_DIR, port: Number(port), token: web.token });
    await expect.poll(() => page.getByText("Reconnecting to Tandem…").isVisible(), { timeout: 20_000 }).toBe(false);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe("Lantern log");
    // Chromium logs each refused attempt; they are this test's doing, not the page's fault.
    const refused = session.problems.filter((p) => p.includes("net::ERR_CONNECTION_REFUSED"));
    expect(refused.length).toBeGreaterThanOrEqual(1);
    session.problems.splice(0, session.problems.length, ...session.problems.filter((p) => !refused.includes(p)));
  });

  it("deletes the conversation only after the user confirms", async () => {
    await page.getByRole("button", { name: "Delete “Lantern log”" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this conversation?" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await shot("08-confirm-delete");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await call<ConversationSummary[]>("conversations:list")).toHaveLength(1);
    await page.getByRole("button", { name: "Delete “Lantern log”" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
    await expect.poll(() => page.getByText("No conversations yet", { exact: false }).isVisible()).toBe(true);
    expect(await call<ConversationSummary[]>("conversations:list")).toEqual([]);
    expect(await page.getByRole("button", { name: /Lantern log/ }).count()).toBe(0);
  });

  it("adds a second model in Settings and makes it the active one", async () => {
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByLabel("Path to a .gguf model file").fill(await getTinyModelPath());
    await page.getByRole("button", { name: "Add model" }).click();
    const stock = page.getByRole("radio", { name: "Use tandem-tiny", exact: true });
    await expect.poll(() => stock.count(), { timeout: 30_000 }).toBe(1);
    await stock.check();
    const models = await call<{ id: string; name: string }[]>("models:list");
    await expect
      .poll(async () => (await call<AppSettings>("settings:get")).activeModelId)
      .toBe(models.find((m) => m.name === "tandem-tiny")?.id);
    await shot("09-settings");
  });

  it("follows the system's dark mode and switches theme from Settings", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await shot("10-settings-dark");
    await page.getByRole("radio", { name: "Light" }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    // The theme changes at once (optimistic); the host has it when the reply is in.
    await expect.poll(async () => (await call<AppSettings>("settings:get")).theme).toBe("light");
  });

  it("asks for the printed link when the page is opened without its token", async () => {
    const stranger = await session.browser.newPage();
    try {
      await stranger.goto(`${web.origin}/`);
      await expect
        .poll(() => stranger.getByRole("heading", { name: "Open Tandem from its link" }).isVisible())
        .toBe(true);
      expect(await stranger.getByRole("alert").textContent()).toContain(
        "This page needs the link Tandem printed at start (with its #token).",
      );
      await stranger.screenshot({ path: join(SCREENSHOTS, "12-no-token.png") });
    } finally {
      await stranger.close();
    }
  });

  it("ran without script errors or Content-Security-Policy violations", () => {
    expect(session.problems).toEqual([]);
  });
});
