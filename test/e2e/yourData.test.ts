import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../../app/store/Store";
import { dataKey } from "../helpers/dataKey";
import { DB_FILE } from "../../main/host/createHost";
import { seedData } from "../unit/data/seedData";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

/** A two-message ChatGPT conversation, as its data export writes it. */
function chatGptFile(): string {
  const node = (id: string, parent: string | null, children: string[], role: string, text: string, time: number) => ({
    id,
    parent,
    children,
    message: {
      id,
      author: { role },
      create_time: time,
      content: { content_type: "text", parts: [text] },
      recipient: "all",
      metadata: {},
    },
  });
  const mapping = {
    a: node("a", null, ["b"], "user", "Which bus goes to the harbour?", 1_700_000_000),
    b: node("b", "a", [], "assistant", "Line 31 stops at the harbour every ten minutes.", 1_700_000_010),
  };
  return JSON.stringify([
    {
      title: "Harbour bus",
      create_time: 1_700_000_000,
      update_time: 1_700_000_010,
      mapping,
      current_node: "b",
      conversation_id: "e2e-chatgpt-1",
    },
  ]);
}

/** Settings → Your data in the browser: export, import with and without a passphrase, delete all. */
describe("Your data in the browser", () => {
  let app: E2eApp;
  let page: Page;
  let files: string;
  const status = (form: string) => page.getByRole("form", { name: form }).getByRole("status");

  beforeAll(async () => {
    app = await startE2eApp("data");
    page = app.page;
    files = mkdtempSync(join(tmpdir(), "tandem-e2e-files-"));
    const store = Store.open(join(app.dataDir, DB_FILE), { key: dataKey(app.dataDir) });
    try {
      seedData(store, "Zanzibarquux");
    } finally {
      store.close();
    }
    await page.goto(app.web.url);
    await page
      .getByRole("button", { name: /Letter to Zanzibarquux/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Your data" }).scrollIntoViewIfNeeded();
  });

  afterAll(async () => {
    await app?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it("downloads the open conversation as Markdown", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Markdown" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("Letter-to-Zanzibarquux.md");
    const text = readFileSync((await file.path())!, "utf8");
    expect(text).toMatch(/^# Letter to Zanzibarquux\n\n- Mode: Hybrid\n/);
    expect(text).toContain("## Assistant (stopped)");
  });

  it("downloads everything encrypted with a passphrase", async () => {
    await page.getByLabel("Passphrase (optional)").fill("short");
    await page.getByRole("button", { name: "Export everything" }).click();
    await expect.poll(() => page.getByText("at least 8 characters, or none").isVisible()).toBe(true);
    // The rule it broke is the headline, not a generic "could not understand that request".
    expect(await page.getByText("Tandem could not understand that request").count()).toBe(0);
    await page.getByLabel("Passphrase (optional)").fill("harbour lights at dawn");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export everything" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tandem-export-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
    await file.saveAs(join(files, file.suggestedFilename()));
    const text = readFileSync(join(files, file.suggestedFilename()), "utf8");
    expect(JSON.parse(text).format).toBe("tandem-export-encrypted");
    expect(text).not.toContain("Zanzibarquux");
    await expect
      .poll(() => status("Export everything").textContent())
      .toMatch(/Downloaded .*3 conversations.*encrypted/);
    await app.shot("40-your-data-export");
  });

  it("imports a ChatGPT export by path and shows what it imported", async () => {
    writeFileSync(join(files, "conversations.json"), chatGptFile());
    await page.getByLabel("Path to the file").fill(join(files, "conversations.json"));
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => status("Import").textContent()).toBe("Imported 1 conversation (2 messages).");
    await expect.poll(() => page.getByRole("button", { name: /Harbour bus/ }).count()).toBeGreaterThan(0);
  });

  it("asks for the passphrase of an encrypted export and merges it without duplicates", async () => {
    const sealed = join(
      files,
      readdirSync(files).find((f) => f.endsWith(".encrypted.json"))!,
    );
    await page.getByLabel("Path to the file").fill(sealed);
    await page.getByLabel("Passphrase of the encrypted export").fill("not the passphrase");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect.poll(() => page.getByText("That passphrase does not open this export.").isVisible()).toBe(true);
    await page.getByLabel("Passphrase of the encrypted export").fill("harbour lights at dawn");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect
      .poll(() => status("Import").textContent())
      .toBe("Imported 0 conversations (0 messages). Skipped 3 conversations already here.");
    expect(await app.call<unknown[]>("conversations:list")).toHaveLength(4);
  });

  it("deletes everything only after DELETE is typed, then shows the first-run screen", async () => {
    await page.getByRole("button", { name: "Delete all my data…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete all your data?" });
    const confirm = dialog.getByRole("button", { name: "Delete everything" });
    // It opens on Cancel (as the conversation-delete dialog does), not on "Also delete the model files".
    await expect
      .poll(() => dialog.getByRole("button", { name: "Cancel" }).evaluate((el) => el === document.activeElement))
      .toBe(true);
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Type DELETE to confirm").fill("delete");
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Type DELETE to confirm").fill("DELETE");
    await app.shot("41-your-data-delete-dialog");
    await confirm.click();
    await page.getByRole("heading", { name: "Welcome to Tandem" }).waitFor({ timeout: 30_000 });
    expect(await app.call<unknown[]>("conversations:list")).toEqual([]);
    expect(await app.call<unknown[]>("models:list")).toEqual([]);
    expect(app.session.problems).toEqual([]);
  });
});
