import Database from "better-sqlite3-multiple-ciphers";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyKey, encryptWithKey, isEncryptedDatabase, isPlaintextDatabase } from "../../../app/store/cipher";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function file(content: Buffer | string): string {
  const dir = mkdtempSync(join(tmpdir(), "tandem-cipher-test-"));
  dirs.push(dir);
  const path = join(dir, "tandem.db");
  writeFileSync(path, content);
  return path;
}

/** Open file descriptors of this process (Linux: /proc/self/fd). */
const openFiles = () => readdirSync("/proc/self/fd").length;

describe("the data file's header check", () => {
  it("tells a plaintext SQLite file from an encrypted one, and an empty or missing file from both", () => {
    const plaintext = file(Buffer.concat([Buffer.from("SQLite format 3\0", "latin1"), Buffer.alloc(100)]));
    const encrypted = file(Buffer.alloc(4096, 0xa7));
    const empty = file("");
    expect([isPlaintextDatabase(plaintext), isEncryptedDatabase(plaintext)]).toEqual([true, false]);
    expect([isPlaintextDatabase(encrypted), isEncryptedDatabase(encrypted)]).toEqual([false, true]);
    expect([isPlaintextDatabase(empty), isEncryptedDatabase(empty)]).toEqual([false, false]);
    expect([isPlaintextDatabase(`${empty}.missing`), isEncryptedDatabase(`${empty}.missing`)]).toEqual([false, false]);
  });

  it.runIf(process.platform === "linux")(
    "leaves no file open after reading a header (the file is renamed over later)",
    () => {
      const path = file(Buffer.alloc(4096, 0xa7));
      const before = openFiles();
      for (let i = 0; i < 20; i++) isEncryptedDatabase(path);
      expect(openFiles()).toBe(before);
    },
  );
});

describe("the database key", () => {
  it("refuses a key that is not 32 bytes with a clear error, rather than taking it for a passphrase", () => {
    const db = new Database(":memory:");
    try {
      expect(() => applyKey(db, Buffer.alloc(16))).toThrow("The database key must be 32 bytes.");
      expect(() => encryptWithKey(db, Buffer.alloc(33))).toThrow("The database key must be 32 bytes.");
    } finally {
      db.close();
    }
  });
});
