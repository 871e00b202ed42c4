import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Channel } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type { AppSettings, CloudStatus, WipeSummary } from "../../../app/contract/types";
import { DEFAULT_SETTINGS } from "../../../app/store/SettingsRepo";
import { Store } from "../../../app/store/Store";
import { CLOUD_API_KEY_SECRET, FileSecretStore } from "../../../app/secrets";
import { dataKey } from "../../helpers/dataKey";
import { createHost, DB_FILE } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { getTinyModelPath } from "../../helpers/tinyModel";
import { seedData } from "../../unit/data/seedData";
import { filesContaining, filesHolding, fingerprints, listFiles } from "./scanDir";

const MARKER = "Xylophonequark";

/** "Delete all my data" through the real host: real SQLite files, a real key file, real model files. */
describe("Delete all my data", () => {
  let root: string;
  let dataDir: string;
  let host: Host;
  const previousKey = process.env.TANDEM_CLOUD_API_KEY;

  async function call<T>(channel: Channel, payload: unknown = {}): Promise<T> {
    const result = (await host.handle(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  /** Data of every kind, written the way the app writes it, each carrying MARKER. */
  async function plantEverything(): Promise<void> {
    // A second connection, as the CLI would open: the host keeps its own open meanwhile (WAL).
    const store = Store.open(join(dataDir, DB_FILE), { key: dataKey(dataDir) });
    try {
      seedData(store, MARKER);
    } finally {
      store.close();
    }
    await call("context:addText", { title: "Pasted", text: `My neighbour ${MARKER} has a key.` });
    await call("cloud:configure", {
      baseUrl: "https://api.example.com/v1",
      model: "gpt-test",
      apiKey: `sk-${MARKER}-0123456789`,
    });
  }

  beforeEach(async () => {
    delete process.env.TANDEM_CLOUD_API_KEY;
    root = mkdtempSync(join(tmpdir(), "tandem-wipe-"));
    dataDir = join(root, "data");
    host = await createHost({ dataDir, kind: "cli", gpu: false, quiet: true });
  });

  afterEach(async () => {
    await host.close();
    rmSync(root, { recursive: true, force: true });
    if (previousKey !== undefined) process.env.TANDEM_CLOUD_API_KEY = previousKey;
    expect(existsSync(root)).toBe(false);
  });

  it("leaves no byte of messages, context, profile, vault, audit log or the API key in the data folder", async () => {
    await plantEverything();
    const before = filesContaining(dataDir, MARKER);
    // The scans must be able to fail: the marker is on disk in plain text in the key file, and
    // the encrypted database (where a marker scan cannot see, see test/integration/store/encryption.test.ts)
    // is recognised by its own bytes.
    expect(before).toContain("secrets.json");
    // Fingerprinted with the database closed (its journal merged in), then opened again as at a start.
    await host.close();
    const oldBytes = fingerprints(dataDir);
    host = await createHost({ dataDir, kind: "cli", gpu: false, quiet: true });
    expect(filesHolding(dataDir, oldBytes)).toEqual(expect.arrayContaining([`${DB_FILE} (from ${DB_FILE})`]));

    const summary = await call<WipeSummary>("data:wipe", { confirm: "DELETE" });
    expect(summary.removed).toEqual(expect.arrayContaining([DB_FILE, "secrets.json"]));
    expect(summary.modelsDeleted).toBe(false);
    expect(filesContaining(dataDir, MARKER)).toEqual([]);
    // Not a page of the old database or its journal is left, under any name.
    expect(filesHolding(dataDir, oldBytes)).toEqual([]);
    // The host opened a fresh database at once, so secrets.json exists again, with only its new key.
    expect(await new FileSecretStore(dataDir).get(CLOUD_API_KEY_SECRET)).toBeNull();
  });

  it("starts as new afterwards: no conversations, context, profile, models, settings, key or audit rows", async () => {
    await plantEverything();
    await call("data:wipe", { confirm: "DELETE" });
    expect(await call("conversations:list")).toEqual([]);
    expect(await call("context:list", {})).toEqual([]);
    expect(await call("profile:get")).toEqual({
      name: "",
      city: "",
      job: "",
      family: [],
      healthNotes: "",
      alwaysPrivate: [],
      freeText: "",
    });
    expect(await call("models:list")).toEqual([]);
    expect(await call("egress:list", {})).toEqual([]);
    expect(await call<AppSettings>("settings:get")).toEqual(DEFAULT_SETTINGS);
    expect(await call<CloudStatus>("cloud:status")).toMatchObject({ configured: false, hasKey: false });
    // And it works as before: a new conversation can be created and read.
    const created = await call<{ id: string }>("conversations:create", {});
    expect(await call("conversations:get", { id: created.id })).toMatchObject({ messages: [] });
  });

  it("keeps model files unless asked, and then deletes only those inside the data folder", async () => {
    const tiny = await getTinyModelPath();
    mkdirSync(join(dataDir, "models"), { recursive: true });
    copyFileSync(tiny, join(dataDir, "models", "tiny.gguf"));
    const outside = join(root, `outside-${MARKER}.gguf`);
    writeFileSync(outside, `a model the user keeps elsewhere: ${MARKER}`);
    await call("models:add", { path: join(dataDir, "models", "tiny.gguf") });
    await call("models:add", { path: tiny });

    await call("data:wipe", { confirm: "DELETE" });
    expect(existsSync(join(dataDir, "models", "tiny.gguf"))).toBe(true);
    expect(await call("models:list")).toEqual([]);

    symlinkSync(outside, join(dataDir, "models", "linked.gguf"));
    const summary = await call<WipeSummary>("data:wipe", { confirm: "DELETE", deleteModels: true });
    expect(summary).toMatchObject({ modelsDeleted: true, removed: expect.arrayContaining(["models/"]) });
    expect(existsSync(join(dataDir, "models", "tiny.gguf"))).toBe(false);
    expect(existsSync(join(dataDir, "models", "linked.gguf"))).toBe(false);
    expect(existsSync(outside)).toBe(true);
    expect(existsSync(tiny)).toBe(true);
    // What is left is the fresh, empty database the host opened again, and its new key.
    expect(
      listFiles(dataDir)
        .map((f) => f.slice(dataDir.length + 1))
        .every((f) => f.startsWith(DB_FILE) || f === "secrets.json"),
    ).toBe(true);
  });

  it("refuses without the typed confirmation and deletes nothing", async () => {
    await plantEverything();
    const result = await host.handle("data:wipe", { confirm: "delete" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    expect((await call<unknown[]>("conversations:list")).length).toBe(3);
    expect(filesContaining(dataDir, MARKER)).toContain("secrets.json");
  });

  it("makes requests that arrive during the wipe wait for the fresh database", async () => {
    await plantEverything();
    // Sent while the old database is still open: without the wait it would list the old data.
    const [wiped, listed] = await Promise.all([
      host.handle("data:wipe", { confirm: "DELETE" }),
      host.handle("conversations:list", {}),
    ]);
    expect(wiped.ok).toBe(true);
    expect(listed).toEqual({ ok: true, value: [] });
  });
});
