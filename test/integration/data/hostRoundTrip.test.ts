import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type { ExportedFile, ImportSummary } from "../../../app/contract/types";
import { Store } from "../../../app/store/Store";
import { dataKey } from "../../helpers/dataKey";
import { createHost, DB_FILE } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { count, seedData, snapshot } from "../../unit/data/seedData";

/** Export → delete everything → import, through the host's channels, on real files. */
describe("export, wipe and import through the host", () => {
  let root: string;
  let dataDir: string;
  let host: Host;
  let before: ReturnType<typeof snapshot>;

  async function call<T>(channel: Channel, payload: unknown = {}): Promise<T> {
    const result = (await host.handle(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  /** Reads the host's database through a second connection (it stays open in the host). */
  function read<T>(fn: (store: Store) => T): T {
    const store = Store.open(join(dataDir, DB_FILE), { key: dataKey(dataDir) });
    try {
      return fn(store);
    } finally {
      store.close();
    }
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "tandem-roundtrip-"));
    dataDir = join(root, "data");
    host = await createHost({ dataDir, kind: "cli", gpu: false, quiet: true });
    read((store) => seedData(store));
    before = read(snapshot);
  });

  afterAll(async () => {
    await host.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("writes an export without any path of this computer, the data folder or the user name in it", async () => {
    const file = await call<ExportedFile>("data:exportAll", { path: join(root, "backup.json") });
    expect(file).toMatchObject({ content: null, path: join(root, "backup.json"), conversations: 3, encrypted: false });
    const text = readFileSync(join(root, "backup.json"), "utf8");
    expect(statSync(join(root, "backup.json")).size).toBe(file.bytes);
    expect(text).not.toContain(dataDir);
    expect(text).not.toContain(root);
    expect(text).not.toContain(`/${userInfo().username}`);
    expect(text).not.toContain("/home/");
    expect(statSync(join(root, "backup.json")).mode & 0o077).toBe(0);
  });

  it("restores identical conversations, context, profile and settings after deleting everything", async () => {
    await call("data:wipe", { confirm: "DELETE" });
    expect(read((store) => count(store.db, "conversations"))).toBe(0);
    const summary = await call<ImportSummary>("data:import", { path: join(root, "backup.json") });
    expect(summary).toMatchObject({
      source: "tandem",
      conversationsImported: 3,
      conversationsSkipped: 0,
      messagesImported: 8,
      contextItemsImported: 2,
      profileImported: true,
    });
    expect(read(snapshot)).toEqual(before);
  });

  it("imports the same file again without creating duplicates", async () => {
    const summary = await call<ImportSummary>("data:import", { path: join(root, "backup.json") });
    expect(summary).toMatchObject({ conversationsImported: 0, conversationsSkipped: 3, messagesImported: 0 });
    expect(read(snapshot)).toEqual(before);
  });

  it("round-trips an encrypted export, and a wrong passphrase imports nothing", async () => {
    const file = await call<ExportedFile>("data:exportAll", { passphrase: "a long enough passphrase" });
    expect(file).toMatchObject({ encrypted: true, path: null });
    const sealedPath = join(root, file.fileName);
    await import("node:fs/promises").then((fs) => fs.writeFile(sealedPath, file.content!));
    await call("data:wipe", { confirm: "DELETE" });
    const wrong = await host.handle("data:import", { path: sealedPath, passphrase: "not the passphrase" });
    expect(wrong).toMatchObject({ ok: false, error: { code: "passphrase_wrong" } });
    const missing = await host.handle("data:import", { path: sealedPath });
    expect(missing).toMatchObject({ ok: false, error: { code: "passphrase_required" } });
    expect(read((store) => count(store.db, "conversations"))).toBe(0);
    await call("data:import", { path: sealedPath, passphrase: "a long enough passphrase" });
    expect(read(snapshot)).toEqual(before);
  });

  it("refuses a passphrase too short to protect anything", async () => {
    const result = await host.handle("data:exportAll", { passphrase: "short" });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid_request", message: expect.stringContaining("at least 8 characters") },
    });
  });

  it("exports one conversation as Markdown to a path, and never overwrites a file", async () => {
    const id = before.conversations.find((c) => c.mode === "hybrid")!.id;
    const target = join(root, "letter.md");
    await call("data:exportConversation", { conversationId: id, format: "md", path: target });
    expect(readFileSync(target, "utf8")).toMatch(/^# Letter to Zanzibarquux\n\n- Mode: Hybrid\n/);
    const again = await host.handle("data:exportConversation", { conversationId: id, format: "md", path: target });
    expect(again).toMatchObject({
      ok: false,
      error: { code: "file_error", message: expect.stringContaining("already exists") },
    });
    const relative = await host.handle("data:exportConversation", {
      conversationId: id,
      format: "md",
      path: "letter.md",
    });
    expect(relative).toMatchObject({
      ok: false,
      error: { code: "file_error", message: expect.stringContaining("full path") },
    });
    expect(existsSync(join(process.cwd(), "letter.md"))).toBe(false);
    const importRelative = await host.handle("data:import", { path: "backup.json" });
    expect(importRelative).toMatchObject({
      ok: false,
      error: { code: "file_error", message: expect.stringContaining("full path") },
    });
  });
});
