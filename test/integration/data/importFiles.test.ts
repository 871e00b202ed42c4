import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAll, importIntoDatabase, readImportFile } from "../../../app/data";
import { Store } from "../../../app/store/Store";
import { count, seedData } from "../../unit/data/seedData";

/** Files a user might pick by mistake: each gets a clear error and nothing is imported. */
describe("reading a file to import", () => {
  let dir: string;
  let target: Store;
  let exportText: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-import-files-"));
    target = Store.open(join(dir, "target.db"));
    const source = Store.openInMemory();
    seedData(source);
    exportText = (await exportAll(source.db)).content;
    source.close();
  });

  afterAll(() => {
    target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const nothingImported = () =>
    expect(count(target.db, "conversations") + count(target.db, "messages") + count(target.db, "context_items")).toBe(
      0,
    );

  it("refuses a file over 200 MB by its size, before reading it", async () => {
    const path = join(dir, "huge.json");
    // Sparse: 201 MB long, no disk space used. Reading it would fail differently (it is all zeros).
    const fd = openSync(path, "w");
    closeSync(fd);
    truncateSync(path, 201 * 1024 * 1024);
    await expect(readImportFile(path)).rejects.toMatchObject({
      code: "too_large",
      message: expect.stringMatching(/201 MB.*up to 200 MB/),
    });
    nothingImported();
  });

  it("refuses a file with more conversations than the limit", async () => {
    await expect(
      readImportFile(file("many.json", exportText), { limits: { maxConversations: 2 } }),
    ).rejects.toMatchObject({ code: "too_large", message: expect.stringContaining("3 conversations") });
    await expect(readImportFile(file("many2.json", exportText), { limits: { maxMessages: 5 } })).rejects.toMatchObject({
      code: "too_large",
      message: expect.stringContaining("8 messages"),
    });
    nothingImported();
  });

  it("refuses an export cut off in the middle", async () => {
    await expect(readImportFile(file("cut.json", exportText.slice(0, exportText.length / 2)))).rejects.toMatchObject({
      code: "import_invalid",
      message: expect.stringContaining("cut off"),
    });
    nothingImported();
  });

  it("asks to unzip a ChatGPT .zip first", async () => {
    await expect(
      readImportFile(file("chatgpt.zip", Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(100)]))),
    ).rejects.toMatchObject({ code: "import_invalid", message: expect.stringContaining("Unzip it first") });
  });

  it("asks to update Tandem for an export from a newer version", async () => {
    const newer = JSON.stringify({ ...JSON.parse(exportText), version: 2 });
    await expect(readImportFile(file("newer.json", newer))).rejects.toMatchObject({
      code: "import_invalid",
      message: expect.stringContaining("newer Tandem"),
    });
  });

  it("refuses other JSON, a missing file and a folder with an error that says which", async () => {
    await expect(readImportFile(file("other.json", '{"hello":"world"}'))).rejects.toMatchObject({
      code: "import_invalid",
    });
    await expect(readImportFile(join(dir, "nope.json"))).rejects.toMatchObject({
      code: "file_error",
      message: expect.stringContaining("no file at that path"),
    });
    mkdirSync(join(dir, "folder"));
    await expect(readImportFile(join(dir, "folder"))).rejects.toMatchObject({
      code: "file_error",
      message: expect.stringContaining("folder"),
    });
    nothingImported();
  });

  it("imports a valid file from disk, byte-order mark and all", async () => {
    const summary = importIntoDatabase(target.db, await readImportFile(file("ok.json", "\uFEFF" + exportText)));
    expect(summary).toMatchObject({ conversationsImported: 3, messagesImported: 8 });
  });
});
