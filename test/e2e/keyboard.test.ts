import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppSettings, ConversationDetail, ConversationSummary } from "../../app/contract/types";
import { getTinyModelPath } from "../helpers/tinyModel";
import { holdFirstReply } from "./support/holdFirstReply";
import { seriousA11yViolations } from "./support/seriousA11yViolations";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

/**
 * Keyboard-first use in Debian Chromium on the browser host (Linux: Mod = Ctrl): every shortcut
 * of the action table, by what it visibly does; the command palette; the help overlay; reopening
 * the last conversation; and axe-core on the main screens in both themes.
 */
describe("Keyboard-first use in the browser", () => {
  let app: E2eApp;
  let page: Page;

  const heading = () => page.getByRole("heading", { level: 1 }).textContent();
  const composer = () => page.getByLabel("Message", { exact: true });
  const answers = () => page.getByRole("article", { name: "Tandem answered" });
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");
  const flash = () => page.locator(".shortcut-flash").textContent();
  const palette = () => page.getByRole("dialog", { name: "Command palette" });
  const help = () => page.getByRole("dialog", { name: "Keyboard shortcuts" });
  /** Moves the focus out of any text field, as a click on the page does. */
  const leaveField = () => page.getByRole("heading", { level: 1 }).click();
  const conversations = () => app.call<ConversationSummary[]>("conversations:list");
  const byTitle = async (start: string) => (await conversations()).find((c) => c.title.startsWith(start))!;

  async function ask(text: string): Promise<void> {
    const before = await answers().count();
    await composer().fill(text);
    await composer().press("Enter");
    await expect.poll(() => answers().count(), { timeout: 30_000 }).toBe(before + 1);
    await expect.poll(() => answers().last().getAttribute("class"), { timeout: 60_000 }).toContain("status-done");
  }

  /** axe-core in both themes; `shot` also keeps a screenshot of the dark one to look at. */
  async function expectAccessible(screen: string, shot?: string): Promise<void> {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      const violations = await seriousA11yViolations(page);
      expect(violations, `${screen} (${colorScheme})`).toEqual([]);
      if (shot && colorScheme === "dark") await app.shot(shot);
    }
    await page.emulateMedia({ colorScheme: "light" });
  }

  beforeAll(async () => {
    app = await startE2eApp("keys");
    page = app.page;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.web.origin });
    // One thread: two cores, and the browser needs one. Short answers, except to test Stop.
    await app.call("settings:update", { threads: 1, maxAnswerTokens: 24 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it("opens on a setup screen with no serious accessibility problems in either theme", async () => {
    await page.goto(app.web.url);
    await expect.poll(() => page.getByRole("heading", { name: "Welcome to Tandem" }).isVisible()).toBe(true);
    await expectAccessible("setup screen");
  });

  it("sends with Enter and starts a new line with Shift+Enter", async () => {
    await page
      .getByLabel("Path to a .gguf model file")
      .fill(await getTinyModelPath({ endsAnswers: false, contextLength: 4096 }));
    await page.getByRole("button", { name: "Add model" }).click();
    await expect.poll(() => page.getByText("What can I help with?").isVisible(), { timeout: 30_000 }).toBe(true);
    await composer().fill("Alpha picnic plan");
    await composer().press("Shift+Enter");
    await composer().pressSequentially("for Sunday");
    expect(await composer().inputValue()).toBe("Alpha picnic plan\nfor Sunday");
    await composer().press("Enter");
    await expect
      .poll(() => page.getByRole("article", { name: "You said" }).last().textContent(), { timeout: 30_000 })
      .toContain("Alpha picnic plan\nfor Sunday");
    await expect.poll(() => answers().last().getAttribute("class"), { timeout: 60_000 }).toContain("status-done");
  });

  it("starts a new conversation with Ctrl+Shift+O or Alt+N, ready to type", async () => {
    await page.keyboard.press("Control+Shift+O");
    await expect.poll(heading).toBe("New conversation");
    expect(await page.getByText("What can I help with?").isVisible()).toBe(true);
    await expect.poll(focusedId).toBe("composer-input");
    await ask("Bravo garden notes");
    await leaveField();
    await page.keyboard.press("Alt+N");
    await expect.poll(heading).toBe("New conversation");
    await expect.poll(focusedId).toBe("composer-input");
    await ask("Charlie harbour trip");
    await expect
      .poll(async () => (await conversations()).map((c) => c.title.split(" ")[0]))
      .toEqual(["Charlie", "Bravo", "Alpha"]);
    await app.shot("50-keyboard-chat");
  });

  it("moves through the conversations with Alt+↓/↑ anywhere and Ctrl+↓/↑ outside text fields", async () => {
    await expect.poll(heading).toMatch(/^Charlie/);
    await composer().focus();
    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(heading).toMatch(/^Bravo/);
    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(heading).toMatch(/^Alpha/);
    await page.keyboard.press("Alt+ArrowDown"); // The last one: it stays.
    await page.waitForTimeout(300);
    expect(await heading()).toMatch(/^Alpha/);
    await leaveField();
    await page.keyboard.press("Control+ArrowUp");
    await expect.poll(heading).toMatch(/^Bravo/);
    expect(
      await page.getByRole("navigation", { name: "Conversations" }).locator('[aria-current="page"]').textContent(),
    ).toMatch(/^Bravo/);
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(heading).toMatch(/^Charlie/);
    // In the message box Ctrl+↑ moves the caret, as it always does there.
    await composer().fill("draft");
    await page.keyboard.press("Control+ArrowUp");
    await page.waitForTimeout(300);
    expect(await heading()).toMatch(/^Charlie/);
    await composer().fill("");
  });

  it("focuses the search with / outside text fields, and types a slash inside them", async () => {
    await composer().focus();
    await page.keyboard.press("/");
    expect(await composer().inputValue()).toBe("/");
    await composer().fill("");
    await leaveField();
    await page.keyboard.press("/");
    await expect.poll(focusedId).toBe("search-input");
    await page.keyboard.type("harbour");
    await expect
      .poll(() => page.getByRole("button", { name: /harbour/ }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByLabel("Search all messages").inputValue()).toBe("");
  });

  it("lists every shortcut that works here in the ? overlay, and gives the focus back on Escape", async () => {
    const newChat = page.getByRole("button", { name: "New conversation", exact: true });
    await newChat.focus();
    await page.keyboard.press("?");
    await expect.poll(() => help().isVisible()).toBe(true);
    const rows = await help().getByRole("row").allTextContents();
    const expected = [
      ["New conversation", "Ctrl+Shift+O or Alt+N"],
      ["Search messages", "/"],
      ["Next conversation", "Alt+↓ or Ctrl+↓"],
      ["Previous conversation", "Alt+↑ or Ctrl+↑"],
      ["Send the message", "Enter"],
      ["New line in the message", "Shift+Enter"],
      ["Stop the answer", "Esc"],
      ["Regenerate the last answer", "Ctrl+Shift+E"],
      ["Switch privacy mode (Private → Hybrid → Cloud → Auto)", "Ctrl+Shift+M"],
      ["Turn Offline mode on or off", "Ctrl+Shift+L"],
      ["Copy the last answer", "Ctrl+Shift+C"],
      ["Command palette", "Ctrl+K"],
      ["Keyboard shortcuts", "? or Ctrl+/"],
      ["Open Settings", "Ctrl+,"],
      ["Show or hide the sidebar", "Ctrl+Shift+S"],
    ];
    expect(rows.slice(1)).toEqual(expected.map(([action, keys]) => `${action}${keys}`));
    // A browser keeps Ctrl+N and Ctrl+F; the overlay says so instead of promising them.
    expect(await help().textContent()).toContain("In a browser tab, Ctrl+N opens a new browser window");
    await app.shot("51-shortcut-help");
    await expectAccessible("help overlay", "51-shortcut-help-dark");
    await page.keyboard.press("Escape");
    await expect.poll(() => help().count()).toBe(0);
    expect(await newChat.evaluate((el) => el === document.activeElement)).toBe(true);
    // Ctrl+/ opens it while typing, where ? is just a character.
    await composer().focus();
    await page.keyboard.press("Control+/");
    await expect.poll(() => help().isVisible()).toBe(true);
    await help().getByRole("button", { name: "Close keyboard shortcuts" }).click();
    await expect.poll(focusedId).toBe("composer-input");
  });

  it("opens a conversation by title from the Ctrl+K palette", async () => {
    await page.keyboard.press("Control+K");
    const input = palette().getByRole("combobox", { name: "Command or conversation" });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await palette().getByRole("option").count()).toBeGreaterThan(10);
    await app.shot("52-palette");
    await expectAccessible("command palette", "52-palette-dark");
    await input.pressSequentially("bravo");
    const first = palette().getByRole("option").first();
    await expect.poll(() => first.textContent()).toMatch(/^Bravo garden notes/);
    expect(await input.getAttribute("aria-activedescendant")).toBe(await first.getAttribute("id"));
    expect(await first.getAttribute("aria-selected")).toBe("true");
    await input.press("Enter");
    await expect.poll(heading).toMatch(/^Bravo/);
    expect(await palette().count()).toBe(0);
  });

  it("moves through the palette with the arrows and gives the focus back on Escape", async () => {
    const back = page.getByRole("button", { name: "New conversation", exact: true });
    await back.focus();
    await page.keyboard.press("Control+K");
    const input = palette().getByRole("combobox");
    await input.press("ArrowDown");
    await input.press("ArrowDown");
    const third = palette().getByRole("option").nth(2);
    expect(await third.getAttribute("aria-selected")).toBe("true");
    expect(await input.getAttribute("aria-activedescendant")).toBe(await third.getAttribute("id"));
    await input.press("ArrowUp");
    expect(await palette().getByRole("option").nth(1).getAttribute("aria-selected")).toBe("true");
    await input.press("Escape");
    await expect.poll(() => palette().count()).toBe(0);
    expect(await back.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("runs actions from the palette with fuzzy matching: open Settings, new conversation", async () => {
    await page.keyboard.press("Control+K");
    await palette().getByRole("combobox").pressSequentially("op set");
    await expect.poll(() => palette().getByRole("option").first().textContent()).toMatch(/^Open Settings/);
    await page.keyboard.press("Enter");
    await expect.poll(heading).toBe("Settings");
    await expectAccessible("settings", "53-settings-dark");
    await app.shot("53-settings-by-palette");
    await page.keyboard.press("Control+K");
    await palette().getByRole("combobox").pressSequentially("nwcv");
    await expect.poll(() => palette().getByRole("option").first().textContent()).toMatch(/^New conversation/);
    await page.keyboard.press("Enter");
    await expect.poll(heading).toBe("New conversation");
    await expect.poll(focusedId).toBe("composer-input");
    await leaveField();
    await page.keyboard.press("Control+,");
    await expect.poll(heading).toBe("Settings");
  });

  it("turns Offline mode on and off with Ctrl+Shift+L", async () => {
    const banner = page.getByText("Offline — nothing leaves this device");
    await page.keyboard.press("Control+Shift+L");
    await expect.poll(() => banner.isVisible()).toBe(true);
    await expect.poll(flash).toContain("Offline mode on");
    expect((await app.call<AppSettings>("settings:get")).offline).toBe(true);
    expect(await page.getByRole("switch", { name: "Offline mode" }).getAttribute("aria-checked")).toBe("true");
    await expectAccessible("settings while offline");
    await page.keyboard.press("Control+Shift+L");
    await expect.poll(() => banner.count()).toBe(0);
    // The banner goes at once (optimistic); the host has it when the switch's reply is in.
    await expect.poll(async () => (await app.call<AppSettings>("settings:get")).offline).toBe(false);
  });

  it("reopens the last open conversation after a reload", async () => {
    await page.getByRole("button", { name: /^Alpha picnic plan/ }).click();
    await expect.poll(heading).toMatch(/^Alpha/);
    await page.reload();
    await expect.poll(heading, { timeout: 15_000 }).toMatch(/^Alpha/);
    await expect
      .poll(() => page.getByRole("article", { name: "You said" }).textContent())
      .toContain("Alpha picnic plan\nfor Sunday");
    expect(await answers().count()).toBe(1);
  });

  it("cycles the privacy mode with Ctrl+Shift+M, and points to the cloud set-up when there is none", async () => {
    await leaveField();
    await page.keyboard.press("Control+Shift+M");
    await expect.poll(flash).toContain("Hybrid and Cloud need a cloud model");
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe("private");
    // A cloud set-up (never contacted here: nothing is sent in this test) enables Hybrid and Cloud.
    await app.call("cloud:configure", {
      baseUrl: "http://127.0.0.1:9/v1",
      model: "test-model",
      apiKey: "sk-test-not-used",
    });
    await page.reload();
    await expect.poll(heading, { timeout: 15_000 }).toMatch(/^Alpha/);
    // The shortcut cycles once the page knows the cloud is set up, as the enabled Hybrid radio shows.
    await expect
      .poll(() => page.getByRole("radio", { name: "Hybrid", exact: true }).isEnabled(), { timeout: 15_000 })
      .toBe(true);
    const alpha = (await byTitle("Alpha")).id;
    for (const [mode, label] of [
      ["hybrid", "Hybrid"],
      ["cloud", "Cloud"],
      ["auto", "Auto"],
      ["private", "Private"],
    ] as const) {
      await page.keyboard.press("Control+Shift+M");
      await expect.poll(() => page.getByRole("radio", { checked: true }).getAttribute("value")).toBe(mode);
      // The note says the switch is done (the host confirmed it): the next press starts from here.
      await expect
        .poll(() => page.getByText(`Switched to ${label} — applies from the next message on`).isVisible())
        .toBe(true);
      expect((await byTitle("Alpha")).mode).toBe(mode);
      if (mode === "hybrid") await app.shot("54-mode-by-keyboard");
    }
    expect((await conversations()).find((c) => c.id === alpha)?.mode).toBe("private");
  });

  it("keeps the newest mode when Ctrl+Shift+M is pressed again before the host confirmed the last switch", async () => {
    // The first switch's reply comes late (a slow connection): it must not undo the second switch.
    const firstReply = await holdFirstReply(page, "/api/conversations:setMode");
    await countHandledReplies(page, "/api/conversations:setMode");
    await page.keyboard.press("Control+Shift+M");
    await expect.poll(async () => (await byTitle("Alpha")).mode).toBe("hybrid");
    await page.keyboard.press("Control+Shift+M");
    await expect
      .poll(() => page.getByText("Switched to Cloud — applies from the next message on").isVisible())
      .toBe(true);
    firstReply.release();
    // Both replies handled by the page (the late one too) before the next press.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { handledReplies: number }).handledReplies))
      .toBe(2);
    await page.keyboard.press("Control+Shift+M");
    await expect
      .poll(() => page.getByText("Switched to Auto — applies from the next message on").isVisible())
      .toBe(true);
    expect(await page.getByRole("radio", { checked: true }).getAttribute("value")).toBe("auto");
    expect((await byTitle("Alpha")).mode).toBe("auto");
    await page.unrouteAll();
    await page.keyboard.press("Control+Shift+M");
    await expect
      .poll(() => page.getByText("Switched to Private — applies from the next message on").isVisible())
      .toBe(true);
  });

  it("copies the last answer with Ctrl+Shift+C", async () => {
    const alpha = await app.call<ConversationDetail>("conversations:get", { id: (await byTitle("Alpha")).id });
    const stored = alpha.messages.filter((m) => m.role === "assistant").at(-1)!.content;
    await expect.poll(() => answers().count()).toBe(1);
    await page.evaluate(() => navigator.clipboard.writeText("something else"));
    await page.keyboard.press("Control+Shift+C");
    await expect.poll(flash).toBe("Copied the last answer.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(stored);
  });

  it("regenerates the last answer with Ctrl+Shift+E", async () => {
    const before = await answers().last().getAttribute("id");
    await page.keyboard.press("Control+Shift+E");
    await expect.poll(() => answers().last().getAttribute("id"), { timeout: 30_000 }).not.toBe(before);
    await expect.poll(() => answers().last().getAttribute("class"), { timeout: 60_000 }).toContain("status-done");
    expect(await answers().count()).toBe(1);
    await expectAccessible("chat with messages", "55-chat-dark");
  });

  it("stops a streaming answer with Escape, from the message box or elsewhere", async () => {
    await app.call("settings:update", { maxAnswerTokens: 16_000 });
    for (const where of ["message box", "page"]) {
      await composer().fill(`A long story, stopped from the ${where}`);
      await composer().press("Enter");
      const stop = page.getByRole("button", { name: "Stop" });
      await expect.poll(() => stop.isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await stop.getAttribute("aria-keyshortcuts")).toBe("Escape");
      if (where === "page") await leaveField();
      await page.keyboard.press("Escape");
      await expect
        .poll(() => answers().last().getByText("Stopped", { exact: true }).isVisible(), { timeout: 30_000 })
        .toBe(true);
    }
    await app.call("settings:update", { maxAnswerTokens: 24 });
  });

  it("shows each shortcut on its button, as a tooltip and as aria-keyshortcuts", async () => {
    const keysOf = (locator: ReturnType<Page["locator"]>) => locator.getAttribute("aria-keyshortcuts");
    const newChat = page.getByRole("button", { name: "New conversation", exact: true });
    expect(await keysOf(newChat)).toBe("Control+Shift+O Alt+N");
    expect(await newChat.getAttribute("title")).toBe("New conversation (Ctrl+Shift+O or Alt+N)");
    expect(await keysOf(page.getByLabel("Search all messages"))).toBe("/");
    expect(await keysOf(page.getByRole("switch", { name: "Offline mode" }))).toBe("Control+Shift+L");
    expect(await keysOf(page.getByRole("button", { name: "Settings" }))).toBe("Control+,");
    expect(await keysOf(page.getByRole("group", { name: "Privacy mode of this conversation" }))).toBe(
      "Control+Shift+M",
    );
    expect(await keysOf(answers().last().getByRole("button", { name: "Regenerate" }))).toBe("Control+Shift+E");
    expect(await keysOf(answers().last().getByRole("button", { name: "Copy answer" }))).toBe("Control+Shift+C");
  });

  it("ran without script errors or Content-Security-Policy violations", () => {
    expect(app.session.problems).toEqual([]);
  });
});

/**
 * Counts the replies to `path` the page's code has read. The callers' continuations run in the same
 * task as this count, so once a later `page.evaluate` sees it, the page has handled the reply.
 */
async function countHandledReplies(page: Page, path: string): Promise<void> {
  await page.evaluate((watched) => {
    const w = window as unknown as { handledReplies: number; fetch: typeof fetch };
    const original = w.fetch.bind(window);
    w.handledReplies = 0;
    w.fetch = async (input, init) => {
      const response = await original(input, init);
      if (!String(input).endsWith(watched)) return response;
      const json = response.json.bind(response);
      response.json = async () => {
        const body: unknown = await json();
        w.handledReplies++;
        return body;
      };
      return response;
    };
  }, path);
}
