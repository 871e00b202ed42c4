import { randomBytes } from "node:crypto";
import Database from "better-sqlite3-multiple-ciphers";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyKey, isEncryptedDatabase, isPlaintextDatabase } from "../../../app/store/cipher";
import { encryptInPlace, type EncryptStep } from "../../../app/store/encryptInPlace";
import { Store } from "../../../app/store/Store";
import { useTempStores } from "../../helpers/tempStore";

const PLANTED = [
  "Dr. Okafor said my HbA1c is 7.9",
  "IBAN DE44 5001 0517 5407 3249 31",
  "Mila's school pickup code 4417",
  "raincoat",
];

function plant(store: Store): string {
  const conversation = store.conversations.create({ title: "Private things" });
  for (const content of PLANTED)
    store.messages.append({ conversationId: conversation.id, role: "user", content, status: "done" });
  return conversation.id;
}

/** Every row of every table, so a migration can be compared row for row. */
function dump(store: Store): Record<string, unknown[]> {
  const tables = store.db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  // Sorted in JS: some tables are WITHOUT ROWID, so there is no common ORDER BY.
  return Object.fromEntries(
    tables.map((t) => [
      t,
      store.db
        .prepare(`SELECT * FROM "${t}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

function fileBytes(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`].filter(existsSync).map((file) => readFileSync(file)));
}

describe("Store encryption at rest", () => {
  const temp = useTempStores();

  it("keeps none of the planted message strings readable in the file or its WAL", () => {
    const key = randomBytes(32);
    const store = temp.open("tandem.db", { key });
    plant(store);
    // Before a checkpoint the messages are in the WAL; after it, in the main file: scan both.
    const beforeCheckpoint = fileBytes(temp.path());
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    const afterCheckpoint = fileBytes(temp.path());
    for (const text of PLANTED) {
      expect(beforeCheckpoint.includes(text)).toBe(false);
      expect(afterCheckpoint.includes(text)).toBe(false);
    }
    expect(isEncryptedDatabase(temp.path())).toBe(true);
  });

  it("a control: without a key the same strings are plainly in the file", () => {
    const store = temp.open();
    plant(store);
    store.db.pragma("wal_checkpoint(TRUNCATE)");
    expect(fileBytes(temp.path()).includes(PLANTED[0]!)).toBe(true);
  });

  it("fails with db_locked and a recovery hint when opened without the key or with a wrong one", () => {
    const key = randomBytes(32);
    temp.open("tandem.db", { key }).close();
    expect(() => Store.open(temp.path())).toThrow(
      expect.objectContaining({
        code: "db_locked",
        message: expect.stringMatching(/encrypted and the key is missing.*recovery passphrase/),
      }),
    );
    expect(() => Store.open(temp.path(), { key: randomBytes(32) })).toThrow(
      expect.objectContaining({ code: "db_locked", message: expect.stringMatching(/key does not open/) }),
    );
    expect(temp.open("tandem.db", { key }).conversations.list()).toEqual([]);
  });

  it("finds messages with full-text search on the encrypted file after reopening", () => {
    const key = randomBytes(32);
    const id = plant(temp.open("tandem.db", { key }));
    const reopened = temp.open("tandem.db", { key });
    const hits = reopened.conversations.search("raincoat");
    expect(hits.map((hit) => hit.conversationId)).toEqual([id]);
  });

  it("encrypts an existing plaintext database in place, keeping every row of every table", () => {
    const plain = temp.open();
    plant(plain);
    const before = dump(plain);
    plain.close();
    expect(isPlaintextDatabase(temp.path())).toBe(true);
    const key = randomBytes(32);
    const encrypted = temp.open("tandem.db", { key });
    expect(dump(encrypted)).toEqual(before);
    expect(encrypted.conversations.search("HbA1c")).toHaveLength(1);
    expect(encrypted.db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(isEncryptedDatabase(temp.path())).toBe(true);
    expect(existsSync(`${temp.path()}.encrypting`)).toBe(false);
  });

  for (const step of ["copied", "encrypted", "verified", "swapped"] satisfies EncryptStep[]) {
    it(`loses nothing when the migration is interrupted after "${step}" and the app opens again`, () => {
      const plain = temp.open();
      plant(plain);
      const before = dump(plain);
      plain.close();
      const key = randomBytes(32);
      const crash = new Error("simulated crash");
      expect(() =>
        encryptInPlace(temp.path(), key, {
          afterStep: (s) => {
            if (s === step) throw crash;
          },
        }),
      ).toThrow(crash);
      // Before the swap the original is still plaintext and intact; after it, encrypted.
      expect(isEncryptedDatabase(temp.path())).toBe(step === "swapped");
      const reopened = temp.open("tandem.db", { key });
      expect(dump(reopened)).toEqual(before);
      expect(existsSync(`${temp.path()}.encrypting`)).toBe(false);
    });
  }

  it("leaves no -wal or -shm of the plaintext database beside the encrypted file", () => {
    const plain = temp.open();
    plant(plain);
    plain.close();
    encryptInPlace(temp.path(), randomBytes(32));
    expect([existsSync(`${temp.path()}-wal`), existsSync(`${temp.path()}-shm`)]).toEqual([false, false]);
  });

  it("refuses an encrypted copy that lost a row, says which table, and leaves the original as it was", () => {
    const plain = temp.open();
    plant(plain);
    const before = dump(plain);
    plain.close();
    const key = randomBytes(32);
    const copy = `${temp.path()}.encrypting`;
    expect(() =>
      encryptInPlace(temp.path(), key, {
        // Something goes wrong while the copy is made: one message is missing from it.
        afterStep: (s) => {
          if (s !== "encrypted") return;
          const db = new Database(copy);
          applyKey(db, key);
          db.prepare("DELETE FROM messages WHERE rowid = (SELECT max(rowid) FROM messages)").run();
          db.close();
        },
      }),
    ).toThrow(/the encrypted copy has 3 rows in messages, expected 4/);
    expect(isPlaintextDatabase(temp.path())).toBe(true);
    expect(dump(temp.open())).toEqual(before);
  });

  it("keeps the in-memory store unencrypted and working even when given a key", () => {
    const store = Store.openInMemory({ key: randomBytes(32) });
    try {
      plant(store);
      expect(store.conversations.search("raincoat")).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
