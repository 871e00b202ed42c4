import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationSummary, ModelInfo } from "../../app/contract/types";
import { getTinyModelPath } from "../helpers/tinyModel";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

const LONG_TITLE = "Write a letter to my landlord Mr Thompson about the broken heating in the flat and the rent";

/**
 * Any window size from 640 px (issue #12, item 9): nothing sticks out sideways, the title
 * truncates with an ellipsis instead of vanishing, the composer's placeholder is not clipped, the
 * per-model settings stay inside their card, and the sidebar hides (button and Ctrl+Shift+S) —
 * on its own in a narrow window. Screenshots at 1280, 900 and 640 px.
 */
describe("Layout from 640 px up", () => {
  let app: E2eApp;
  let page: Page;
  const sidebar = () => page.locator("aside.sidebar");
  const visibleShowButton = () => page.getByRole("button", { name: "Show sidebar" }).filter({ visible: true });

  beforeAll(async () => {
    app = await startE2eApp("layout");
    page = app.page;
    await app.call<ModelInfo>("models:import", { path: await getTinyModelPath() });
    const conversation = await app.call<ConversationSummary>("conversations:create", { mode: "cloud" });
    await app.call("conversations:rename", { id: conversation.id, title: LONG_TITLE });
    await page.goto(app.web.url);
    await page.getByRole("button", { name: new RegExp(`^${LONG_TITLE.slice(0, 20)}`) }).click();
    await page.getByRole("heading", { level: 1, name: LONG_TITLE }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  async function expectFits(): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const title = page.getByRole("heading", { level: 1 });
    const box = await title.evaluate((el) => ({
      width: el.getBoundingClientRect().width,
      cut: el.scrollWidth > el.clientWidth,
      overflow: getComputedStyle(el).textOverflow,
    }));
    expect(box.width).toBeGreaterThan(100);
    if (box.cut) expect(box.overflow).toBe("ellipsis");
    // Nothing in the header is drawn over the title.
    const overlaps = await page.evaluate(() => {
      const title = document.querySelector(".chat-header h1")!.getBoundingClientRect();
      return [...document.querySelectorAll(".chat-header-badges > *")].some((el) => {
        const r = el.getBoundingClientRect();
        return r.left < title.right && r.right > title.left && r.top < title.bottom && r.bottom > title.top;
      });
    });
    expect(overlaps).toBe(false);
    const composer = page.getByLabel("Message", { exact: true });
    expect(await composer.inputValue()).toBe("");
    // The whole placeholder fits in the box: nothing scrolled out of sight.
    expect(await composer.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  }

  it.each([1280, 900, 640])("fits a %i px wide window", async (width) => {
    await page.setViewportSize({ width, height: 760 });
    await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(width);
    await expectFits();
    expect(await sidebar().isVisible()).toBe(width >= 760);
    await app.shot(`50-layout-${width}`);
  });

  it("hides and shows the sidebar with its button and with Ctrl+Shift+S", async () => {
    await page.setViewportSize({ width: 1280, height: 760 });
    await expect.poll(() => sidebar().isVisible()).toBe(true);
    await page.getByRole("button", { name: "Hide sidebar" }).click();
    await expect.poll(() => sidebar().isVisible()).toBe(false);
    await expectFits();
    await app.shot("51-layout-sidebar-hidden");
    await visibleShowButton().click();
    await expect.poll(() => sidebar().isVisible()).toBe(true);
    await page.getByLabel("Message", { exact: true }).focus();
    await page.keyboard.press("Control+Shift+S");
    await expect.poll(() => sidebar().isVisible()).toBe(false);
    await page.keyboard.press("Control+Shift+S");
    await expect.poll(() => sidebar().isVisible()).toBe(true);
  });

  it("opens the hidden sidebar of a narrow window on demand", async () => {
    await page.evaluate(() => localStorage.removeItem("tandem.sidebarHidden"));
    await page.setViewportSize({ width: 640, height: 760 });
    await page.reload();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expect.poll(() => sidebar().isVisible()).toBe(false);
    await visibleShowButton().click();
    await expect.poll(() => sidebar().isVisible()).toBe(true);
    // 420 px left for the chat: the placeholder wraps, and the box grows to show all of it.
    await expectFits();
    await app.shot("52-layout-640-sidebar-shown");
    await page.getByRole("button", { name: "Hide sidebar" }).click();
    await expect.poll(() => sidebar().isVisible()).toBe(false);
  });

  it("keeps the per-model settings inside their card at 640 px", async () => {
    await page.keyboard.press("Control+,");
    const form = page.getByRole("form", { name: /^Settings for / });
    await form.waitFor();
    await form.scrollIntoViewIfNeeded();
    const card = await form.evaluate((el) => el.closest(".settings-section")!.getBoundingClientRect().right);
    for (const input of await form.locator("input, select").all()) {
      expect(await input.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(card);
    }
    await app.shot("53-layout-640-model-settings");
    expect(app.session.problems).toEqual([]);
  });
});
