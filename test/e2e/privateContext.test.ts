import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContextItemSummary, ConversationSummary, ProfileData } from "../../app/contract/types";
import { makePdf } from "../unit/context/fixtures/makePdf";
import { answers } from "./support/answers";
import { getRoomyTinyModelPath } from "./support/roomyTinyModel";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

const LEASE = [
  "Allotment plot 42 in the Sonnenblick garden colony costs 180 euros per year, paid every March.",
  "The key to the shed hangs behind the blue door.",
].join("\n\n");

/**
 * Private context end to end: the profile and notes a user keeps on My context, the passages the
 * local model used for an answer, and turning a note off for one conversation.
 */
describe("Private context in the browser", () => {
  let app: E2eApp;
  let page: Page;
  const lastAnswer = () => page.getByRole("article", { name: "Tandem answered" }).last();

  beforeAll(async () => {
    app = await startE2eApp("context");
    page = app.page;
    // One thread leaves a core for the browser; short answers keep each exchange to seconds.
    await app.call("settings:update", { threads: 1, maxAnswerTokens: 24, contextSize: 4096 });
    await app.call("models:add", { path: await getRoomyTinyModelPath() });
    await page.goto(app.web.url);
    await page.getByText("Private — nothing leaves this device").waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it("saves a profile with a name, family members and always-private terms", async () => {
    await page.getByRole("button", { name: "My context" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Margarethe Vollstedt");
    await page.getByLabel("City").fill("Lübeck");
    await page.getByLabel("Job").fill("Harbour pilot");
    await page.getByRole("button", { name: "Add family member" }).click();
    await page.getByLabel("Family member 1: name").fill("Jonas");
    await page.getByLabel("Family member 1: relation").fill("son");
    await page.getByRole("button", { name: "Add family member" }).click();
    await page.getByLabel("Family member 2: name").fill("Temporary row");
    await page.getByRole("button", { name: "Remove family member 2 (Temporary row)" }).click();
    const term = page.getByLabel("Add an always-private term");
    await term.fill("Project Kranich");
    await term.press("Enter");
    await term.fill("Ebbe, Flut");
    await term.press("Enter");
    await page.getByRole("button", { name: "Remove “Flut”" }).click();
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => page.getByText("Profile saved.").isVisible()).toBe(true);
    const profile = await app.call<ProfileData>("profile:get");
    expect(profile).toMatchObject({
      name: "Margarethe Vollstedt",
      city: "Lübeck",
      job: "Harbour pilot",
      family: [{ name: "Jonas", relation: "son" }],
    });
    expect(profile.alwaysPrivate).toEqual(["Project Kranich", "Ebbe"]);
    await app.shot("20-context-profile");
  });

  it("adds a pasted note for every conversation and shows its text", async () => {
    await page.getByLabel("Title", { exact: true }).fill("Garden lease");
    await page.getByLabel("Text", { exact: true }).fill(LEASE);
    expect(await page.getByLabel("Available in").first().inputValue()).toBe("");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect.poll(() => page.getByText("Added “Garden lease”.").isVisible()).toBe(true);
    const row = page.getByRole("listitem").filter({ hasText: "Garden lease" });
    expect(await row.textContent()).toContain("All conversations");
    await row.getByRole("button", { name: /^Open/ }).click();
    await expect
      .poll(() => row.getByRole("region", { name: "Text of “Garden lease”" }).textContent())
      .toContain("180 euros per year");
  });

  it("edits a note and deletes another only after confirmation", async () => {
    const row = page.getByRole("listitem").filter({ hasText: "Garden lease" });
    await row.getByRole("button", { name: "Edit" }).click();
    await row.getByLabel("Text", { exact: true }).fill(`${LEASE}\n\nWater is turned on in April.`);
    await row.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => row.getByRole("region").textContent()).toContain("Water is turned on in April.");
    await page.getByLabel("Title", { exact: true }).last().fill("Old shopping list");
    await page.getByLabel("Text", { exact: true }).last().fill("Milk, eggs, rye bread");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Delete “Old shopping list”" }).count()).toBe(1);
    await page.getByRole("button", { name: "Delete “Old shopping list”" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this item?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect((await app.call<ContextItemSummary[]>("context:list")).map((i) => i.title)).toContain("Old shopping list");
    await page.getByRole("button", { name: "Delete “Old shopping list”" }).click();
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await expect
      .poll(async () => (await app.call<ContextItemSummary[]>("context:list")).map((i) => i.title))
      .toEqual(["Garden lease"]);
  });

  it("imports a Markdown file by path and explains why a scanned PDF cannot be read", async () => {
    const markdown = join(app.dataDir, "tide-table.md");
    writeFileSync(markdown, "# Tide table\n\nHigh water at Travemünde on Saturday is at 14:20.\n");
    const path = page.getByLabel("Path to a file on this computer");
    await path.fill(markdown);
    await page.getByRole("button", { name: "Import" }).click();
    await expect.poll(() => page.getByText(/^Imported “/).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByRole("listitem").filter({ hasText: "tide-table.md" }).count()).toBe(1);
    const scan = join(app.dataDir, "scanned-letter.pdf");
    writeFileSync(scan, makePdf([{ lines: [], image: true }]));
    await path.fill(scan);
    await page.getByRole("button", { name: "Import" }).click();
    const alert = page.getByRole("alert");
    await expect
      .poll(() => alert.textContent(), { timeout: 30_000 })
      .toContain("That file or note has no text Tandem could use.");
    expect(await alert.textContent()).toContain("no text layer (probably a scan)");
    expect(await path.getAttribute("aria-invalid")).toBe("true");
    await app.shot("21-context-notes");
  });

  it("shows the passages and profile the local model used for a Private answer", async () => {
    await page.getByRole("button", { name: "Back to chat" }).click();
    const answer = answers(page);
    await answer.mark();
    await page.getByLabel("Message", { exact: true }).fill("How much does the allotment plot cost per year?");
    await page.getByLabel("Message", { exact: true }).press("Enter");
    await answer.next();
    expect(await lastAnswer().getAttribute("class")).toContain("status-done");
    const used = lastAnswer().getByRole("button", { name: /^Context used/ });
    await expect.poll(() => used.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await used.textContent()).toContain("profile + 1 item");
    // A Private answer sent nothing anywhere: no "What left this device" on it.
    expect(await lastAnswer().getByRole("button", { name: "What left this device" }).count()).toBe(0);
    await used.click();
    const panel = lastAnswer().getByRole("region", { name: "Context used" });
    expect(await panel.getByRole("heading", { name: "Garden lease" }).isVisible()).toBe(true);
    expect(await panel.locator("blockquote").first().textContent()).toContain("180 euros per year");
    expect(await panel.textContent()).toContain("Your profile");
    await app.shot("22-context-used");
  });

  it("turns the note off for this conversation, and the next answer does not use it", async () => {
    const [conversation] = await app.call<ConversationSummary[]>("conversations:list");
    await page.getByRole("button", { name: /^Context( ·|$)/ }).click();
    const drawer = page.getByRole("dialog", { name: "Private context here" });
    const toggle = drawer.getByRole("switch", { name: "Use “Garden lease” in this conversation" });
    expect(await toggle.getAttribute("aria-checked")).toBe("true");
    await app.shot("23-context-drawer");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("false");
    // The switch moves at once (optimistic); the host has it when the reply is in.
    const enabled = async () =>
      (await app.call<ContextItemSummary[]>("context:list", { conversationId: conversation!.id })).find(
        (i) => i.title === "Garden lease",
      )?.enabled;
    await expect.poll(enabled).toBe(false);
    await page.keyboard.press("Escape");
    await expect.poll(() => drawer.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Context · 1");
    const answer = answers(page);
    await answer.mark();
    await lastAnswer().getByRole("button", { name: "Regenerate" }).click();
    await answer.next();
    expect(await lastAnswer().getAttribute("class")).toContain("status-done");
    const used = lastAnswer().getByRole("button", { name: /^Context used/ });
    await expect
      .poll(async () => (await used.textContent())?.trim(), { timeout: 10_000 })
      .toBe("Context used · profile");
    await used.click();
    expect(await lastAnswer().getByRole("region", { name: "Context used" }).textContent()).not.toContain(
      "Garden lease",
    );
  });

  it("shows My context in the dark theme", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByRole("button", { name: "My context" }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    await app.shot("24-context-dark");
    await page.emulateMedia({ colorScheme: "light" });
  });

  it("ran without script errors or Content-Security-Policy violations", () => {
    expect(app.session.problems).toEqual([]);
  });
});
