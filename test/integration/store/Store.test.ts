import Database from "better-sqlite3";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TandemError } from "../../../app/contract/errors";
import { createLogger } from "../../../app/logging/Logger";
import { MIGRATIONS } from "../../../app/store/migrations";
import type { Migration } from "../../../app/store/migrations/Migration";
import { Store } from "../../../app/store/Store";
import { useTempStores } from "../../helpers/tempStore";

const latest = MIGRATIONS.at(-1)!.version;

function tables(db: Database.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table','view') ORDER BY name")
    .pluck()
    .all() as string[];
}

describe("Store.open", () => {
  const temp = useTempStores();

  it("creates the file and its missing directories, with the full schema and WAL", () => {
    const file = join(temp.path(), "..", "nested", "deeper", "tandem.db");
    const store = Store.open(file);
    try {
      expect(existsSync(file)).toBe(true);
      expect(tables(store.db)).toEqual(
        expect.arrayContaining(["conversations", "messages", "messages_fts", "models", "settings"]),
      );
      expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(store.db.pragma("synchronous", { simple: true })).toBe(1); // NORMAL
    } finally {
      store.close();
    }
  });

  it("records the newest schema version in PRAGMA user_version", () => {
    const store = temp.open();
    expect(store.db.pragma("user_version", { simple: true })).toBe(latest);
  });

  it("keeps data and schema unchanged when the same file is opened again", () => {
    const first = temp.open();
    const conversation = first.conversations.create({ title: "Kept" });
    const schema = (store: Store) =>
      store.db.prepare("SELECT sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name").pluck().all();
    const schemaBefore = schema(first);
    first.close();
    const second = temp.open();
    expect(second.conversations.get(conversation.id)?.title).toBe("Kept");
    expect(schema(second)).toEqual(schemaBefore);
    expect(second.db.pragma("user_version", { simple: true })).toBe(latest);
  });

  it("logs which migrations ran, without any content", () => {
    const lines: string[] = [];
    temp.open("tandem.db", { logger: createLogger({ name: "test", sink: (line) => lines.push(line) }) });
    expect(lines.filter((l) => l.includes("migration applied"))).toHaveLength(MIGRATIONS.length);
    expect(lines.some((l) => l.includes(`"schemaVersion":${latest}`))).toBe(true);
  });

  it("refuses a file written by a newer version and leaves it untouched", () => {
    const file = temp.path();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latest + 1}`);
    raw.close();
    const expected = `newer version of Tandem (schema version ${latest + 1}; this version knows up to ${latest})`;
    expect(() => Store.open(file)).toThrow(expected);
    const check = new Database(file);
    expect(check.pragma("user_version", { simple: true })).toBe(latest + 1);
    expect(tables(check)).toEqual([]);
    check.close();
  });

  it("rolls back a migration that fails, keeping the version of the last one that applied", () => {
    const broken: Migration[] = [
      { version: 1, name: "ok", sql: "CREATE TABLE a (x INTEGER);" },
      { version: 2, name: "broken", sql: "CREATE TABLE b (x INTEGER); INSERT INTO missing VALUES (1);" },
    ];
    const file = temp.path();
    expect(() => Store.open(file, { migrations: broken })).toThrow(TandemError);
    const check = new Database(file);
    expect(check.pragma("user_version", { simple: true })).toBe(1);
    expect(tables(check)).toEqual(["a"]);
    check.close();
  });

  it("refuses a migrations list with a gap, as a bug", () => {
    const gap: Migration[] = [{ version: 2, name: "skips one", sql: "" }];
    expect(() => Store.open(temp.path(), { migrations: gap })).toThrow(/expected 1/);
  });

  it("explains what to do when the file is not a database", () => {
    const file = temp.path();
    writeFileSync(file, "this is not sqlite ".repeat(100));
    const error = (() => {
      try {
        Store.open(file);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TandemError);
    expect((error as TandemError).message).toMatch(/Could not open the data file .*move it aside/);
  });

  it("can be closed twice", () => {
    const store = temp.open();
    store.close();
    expect(() => store.close()).not.toThrow();
    expect(store.isOpen).toBe(false);
  });
});

describe("Store.openInMemory", () => {
  it("has the same schema as a file and writes nothing to disk", () => {
    const store = Store.openInMemory();
    try {
      expect(store.db.memory).toBe(true);
      expect(store.db.pragma("user_version", { simple: true })).toBe(latest);
      expect(store.conversations.create().title).toBe("New conversation");
    } finally {
      store.close();
    }
  });
});
