import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportSummary, ModelInfo } from "../../app/contract/types";
import { getTinyModelPath } from "../helpers/tinyModel";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

/** Each payload, if it ever ran, would set window.__pwned to its own name (and some would alert). */
const HOSTILE_ANSWER = [
  "Here is your answer.",
  "<script>window.__pwned = 'script'; alert('script')</script>",
  "<img src=x onerror=\"window.__pwned = 'img-onerror'; alert('img')\">",
  "<svg onload=\"window.__pwned = 'svg-onload'\"></svg>",
  "<iframe src=\"javascript:window.__pwned = 'iframe'\"></iframe>",
  "<a href=\"javascript:window.__pwned = 'raw-link'\">raw link</a>",
  "[markdown link](javascript:window.__pwned='md-link')",
  "[data link](data:text/html,<script>alert(1)</script>)",
  "![tracker](https://example.invalid/pixel.png)",
  '<div style="background:url(https://example.invalid/x)" onmouseover="window.__pwned = \'hover\'">hover me</div>',
].join("\n\n");

/** A transcript as a hostile file could carry it: markup in the title, the question and the answers, plus 10,000-level nesting. */
function hostileTranscript(): string {
  return [
    "# <img src=x onerror=\"window.__pwned = 'title'\">Hostile transcript",
    "## User",
    "Show me <b onclick=\"window.__pwned = 'user'\">this</b> <script>window.__pwned = 'user-script'</script>",
    "## Assistant",
    HOSTILE_ANSWER,
    "## User",
    "And nested?",
    "## Assistant",
    ">".repeat(10_000) + " deepest quote",
    "## User",
    "A list?",
    "## Assistant",
    "- ".repeat(10_000) + "deepest item",
  ].join("\n\n");
}

describe("hostile content in the browser", () => {
  let app: E2eApp;
  let page: Page;
  let files: string;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startE2eApp("hostile");
    page = app.page;
    files = mkdtempSync(join(tmpdir(), "tandem-e2e-hostile-"));
    const path = join(files, "hostile.md");
    writeFileSync(path, hostileTranscript());
    // A model must be set up, or the app shows its setup screen instead of conversations.
    const model = await app.call<ModelInfo>("models:add", { path: await getTinyModelPath() });
    await app.call("settings:update", { activeModelId: model.id });
    const summary = await app.call<ImportSummary>("data:import", { path });
    expect(summary).toMatchObject({ source: "markdown", conversationsImported: 1, messagesImported: 6 });
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.addInitScript(() => ((window as unknown as { __pwned: unknown }).__pwned = null));
    await page.goto(app.web.url);
    await page
      .getByRole("button", { name: /Hostile transcript/ })
      .first()
      .click();
  });

  afterAll(async () => {
    await app?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  const answers = () => page.getByRole("article", { name: "Tandem answered" });

  it("shows the markup as text and runs none of it: no dialog, no script, no handler", async () => {
    await expect.poll(() => answers().count(), { timeout: 30_000 }).toBe(3);
    const first = answers().first();
    await expect.poll(() => first.textContent()).toContain("<script>window.__pwned = 'script'");
    await first
      .getByText("hover me")
      .hover()
      .catch(() => undefined);
    await page.mouse.move(5, 5);
    expect(await page.evaluate(() => (window as unknown as { __pwned: unknown }).__pwned)).toBeNull();
    expect(dialogs).toEqual([]);
    await app.shot("60-hostile-content");
  });

  it("creates no script, frame, SVG, image or event-handler attribute from the messages, and no javascript: link", async () => {
    const found = await page.evaluate(() => {
      const messages = [...document.querySelectorAll("article")];
      // Inside the message text only: the app's own buttons next to it carry SVG icons.
      const all = messages.flatMap((m) => [...m.querySelectorAll(".message-body *")]);
      return {
        articles: messages.length,
        bodies: document.querySelectorAll("article .message-body").length,
        dangerous: all.filter((e) =>
          ["SCRIPT", "IFRAME", "SVG", "IMG", "OBJECT", "EMBED"].includes(e.tagName.toUpperCase()),
        ).length,
        handlers: all.filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith("on"))).length,
        badLinks: all.filter(
          (e) =>
            e instanceof HTMLAnchorElement && /^\s*(javascript|data|vbscript):/i.test(e.getAttribute("href") ?? ""),
        ).length,
        titleImages: document.querySelectorAll("nav img").length,
      };
    });
    expect(found).toEqual({ articles: 6, bodies: 6, dangerous: 0, handlers: 0, badLinks: 0, titleImages: 0 });
  });

  it("clicking the neutralised javascript: link runs nothing", async () => {
    const link = answers().first().getByRole("link", { name: "markdown link" });
    if ((await link.count()) > 0) await link.click({ modifiers: [] }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __pwned: unknown }).__pwned)).toBeNull();
    expect(dialogs).toEqual([]);
  });

  it("renders 10,000 levels of nesting without freezing or breaking the page", async () => {
    await expect.poll(() => answers().nth(1).textContent()).toContain("deepest quote");
    await expect.poll(() => answers().nth(2).textContent()).toContain("deepest item");
    const started = Date.now();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(pageErrors).toEqual([]);
    // The app is still usable: the composer takes input.
    await page.getByRole("textbox").first().fill("still responsive");
    expect(await page.getByRole("textbox").first().inputValue()).toBe("still responsive");
  });
});
