import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppSettings, ModelInfo } from "../../app/contract/types";
import { join } from "node:path";
import { writeGguf } from "../../native-models/gguf/writeGguf";
import { tinyGgufSpec } from "../../native-models/gguf/writeTinyGguf";
import { downloadModelBody } from "../integration/models/support/downloadModel";
import { serveModelFiles, type ModelFileServer } from "../integration/models/support/serveModelFile";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

/**
 * Model management end to end: the first-run screen shows the catalog with a fit verdict for this
 * computer, a model downloads from a server on 127.0.0.1 with a moving progress bar and then
 * answers in a chat; Settings show the full catalog, the model's settings and the hardware.
 */
describe("Models in the browser", () => {
  let app: E2eApp;
  let page: Page;
  let server: ModelFileServer;
  const lastAnswer = () => page.getByRole("article", { name: "Tandem answered" }).last();

  beforeAll(async () => {
    app = await startE2eApp("models");
    page = app.page;
    await app.call("settings:update", { threads: 1, maxAnswerTokens: 24, contextSize: 2048 });
    server = await serveModelFiles();
    // About 15 MB at ~1 MB/s per connection: a few seconds to watch the bar move.
    server.files.set("/models/tandem-tiny-download.gguf", { body: downloadModelBody(), bytesPerSecond: 1_000_000 });
  });

  afterAll(async () => {
    await app?.close();
    await server?.close();
  });

  it("shows the catalog with a fit verdict for this computer on the first-run screen", async () => {
    await page.goto(app.web.url);
    await expect.poll(() => page.getByRole("heading", { name: "Welcome to Tandem" }).isVisible()).toBe(true);
    const catalog = page.getByRole("list", { name: "Recommended models" });
    await expect.poll(() => catalog.getByRole("listitem").count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    const cards = await catalog.getByRole("listitem").all();
    for (const card of cards)
      expect(await card.locator(".fit-chip").textContent()).toMatch(/^(Fits in RAM|Fits on GPU)$/);
    expect(await catalog.getByText("Recommended for this computer").count()).toBe(1);
    // The recommended model comes first, with its download size, licence and what it is good for.
    const first = cards[0]!;
    expect(await first.textContent()).toContain("Recommended for this computer");
    expect(await first.locator(".catalog-meta").textContent()).toMatch(
      /GB download · Q4_K_M · [\d.]+B parameters · .+/,
    );
    expect(await first.locator(".catalog-fit").textContent()).toMatch(
      /^About [\d.]+ (GB|MB) of memory at 2,048 tokens of context\. Estimated from the catalog\.$/,
    );
    await app.shot("40-models-setup-catalog");
  });

  it("downloads a model from a URL with a moving progress bar, then answers with it", async () => {
    await recordProgress(page);
    await page.getByLabel(/^Download from a URL/).fill(server.url("/models/tandem-tiny-download.gguf"));
    await page.getByRole("button", { name: "Download", exact: true }).click();
    const bar = page.getByRole("progressbar", { name: "Download of tandem-tiny-download.gguf" });
    await expect
      .poll(async () => Number((await bar.getAttribute("aria-valuenow")) ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(20);
    expect(await bar.getAttribute("aria-valuetext")).toMatch(/MB of 15 MB · [\d.]+ [KM]B\/s · \d+ s left/);
    await bar.scrollIntoViewIfNeeded();
    await app.shot("41-models-downloading");

    // The download ends in the chat: the model was checked, added and made the active one.
    await expect
      .poll(() => page.getByText("Private — nothing leaves this device").isVisible(), { timeout: 60_000 })
      .toBe(true);
    const seen = await readProgress(page);
    expect(new Set(seen).size).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    const [model] = await app.call<ModelInfo[]>("models:list");
    expect(model).toMatchObject({
      name: "tandem-tiny-download",
      source: server.url("/models/tandem-tiny-download.gguf"),
    });
    expect((await app.call<AppSettings>("settings:get")).activeModelId).toBe(model!.id);

    const composer = page.getByLabel("Message", { exact: true });
    await composer.fill("Hello from the downloaded model");
    await composer.press("Enter");
    await expect.poll(() => lastAnswer().getAttribute("class"), { timeout: 60_000 }).toContain("status-done");
    expect((await lastAnswer().locator(".message-body").textContent())?.length).toBeGreaterThan(0);
    await app.shot("42-models-chat-after-download");
  });

  it("shows the whole catalog, the model's settings and this computer in Settings", async () => {
    await page.getByRole("button", { name: "Settings" }).click();
    const big = page.getByRole("listitem", { name: "Llama 3.3 70B Instruct" });
    await expect.poll(() => big.locator(".fit-chip").textContent(), { timeout: 30_000 }).toBe("Too large");
    expect(await big.getByRole("button", { name: "Download Llama 3.3 70B Instruct" }).isDisabled()).toBe(true);

    await page.getByLabel("Context size for this model (tokens)").fill("1024");
    await page.getByRole("button", { name: "Save model settings" }).click();
    await expect.poll(async () => (await app.call<ModelInfo[]>("models:list"))[0]?.settings.contextSize).toBe(1024);

    const hardware = page.getByRole("region", { name: "This computer" });
    await expect.poll(() => hardware.getByText("llama.cpp backend").isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await hardware.locator(".hardware-list").textContent()).toMatch(
      /Processor.* cores.*Memory \(RAM\).* free of \d+ GB.*GPU.*llama\.cpp backendCPU/,
    );
    await expect.poll(() => hardware.getByText("tandem-tiny-download").isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await hardware.locator(".loaded-model").textContent()).toMatch(
      /is loaded: [\d.]+ MB in memory · 2,048 tokens of context · 1 thread(?!s)/,
    );
    await hardware.scrollIntoViewIfNeeded();
    await app.shot("43-models-hardware");
    await hardware.getByRole("button", { name: "Unload to free memory" }).click();
    await expect.poll(() => hardware.getByText("No model is loaded now").isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole("region", { name: "Recommended models" }).scrollIntoViewIfNeeded();
    await app.shot("44-models-settings-catalog");
    await page.getByRole("heading", { name: "Models", exact: true }).scrollIntoViewIfNeeded();
    await app.shot("45-models-settings-models");
    expect(app.session.problems).toEqual([]);
  });

  it("shows a model's real name, size and quantization in the header chip, and switches models from it", async () => {
    // A llama2.c-style conversion: its general.name is just "llama", the architecture.
    const storiesPath = join(app.dataDir, "bedtime-stories.gguf");
    await writeGguf(storiesPath, tinyGgufSpec({ name: "llama" }));
    const stories = await app.call<ModelInfo>("models:import", { path: storiesPath });
    expect(stories.name).toBe("bedtime-stories");
    await page.getByRole("button", { name: "Back to chat" }).click();
    const chip = page.locator(".chat-header .model-status");
    await expect.poll(() => chip.textContent()).toMatch(/^tandem-tiny-download · \d+(\.\d)? MB · \w+/);
    await chip.click();
    const menu = page.getByRole("group", { name: "Model for the next answers" });
    await expect.poll(() => menu.getByRole("radio").count()).toBe(2);
    expect(await menu.getByRole("radio", { name: /^tandem-tiny-download · / }).isChecked()).toBe(true);
    await app.shot("46-model-switcher");
    await menu.getByRole("radio", { name: /^bedtime-stories · .* · \w+$/ }).click();
    await expect.poll(async () => (await app.call<AppSettings>("settings:get")).activeModelId).toBe(stories.id);
    await expect.poll(() => chip.textContent()).toMatch(/^bedtime-stories · /);
    expect(await menu.count()).toBe(0);
  });
});

/** Records, inside the page, every value the download bar shows (what the user saw). */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (globalThis as unknown as { __progress: number[] }).__progress = seen;
    new MutationObserver(() => {
      const value = document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow");
      if (value && Number(value) !== seen[seen.length - 1]) seen.push(Number(value));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

function readProgress(page: Page): Promise<number[]> {
  return page.evaluate(() => (globalThis as unknown as { __progress: number[] }).__progress);
}
