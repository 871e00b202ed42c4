import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_KEY_SECRET, DatabaseKeyStore } from "../../../app/secrets/DatabaseKeyStore";
import { FileSecretStore } from "../../../app/secrets";
import { Store } from "../../../app/store/Store";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): { dir: string; dbPath: string; secrets: FileSecretStore } {
  const dir = mkdtempSync(join(tmpdir(), "tandem-dbkey-test-"));
  dirs.push(dir);
  return { dir, dbPath: join(dir, "tandem.db"), secrets: new FileSecretStore(dir) };
}

function writeMessage(dbPath: string, key: Buffer | undefined, content: string): void {
  const store = Store.open(dbPath, { key });
  const conversation = store.conversations.create({ title: "t" });
  store.messages.append({ conversationId: conversation.id, role: "user", content, status: "done" });
  store.close();
}

function readMessages(dbPath: string, key: Buffer | undefined): string[] {
  const store = Store.open(dbPath, { key });
  try {
    return store.conversations.list().flatMap((c) => store.messages.listForConversation(c.id).map((m) => m.content));
  } finally {
    store.close();
  }
}

describe("DatabaseKeyStore", () => {
  it("makes a random 256-bit key once, keeps it in the 0600 secrets file and returns it on every start", async () => {
    const { dbPath, secrets } = dataDir();
    const first = await new DatabaseKeyStore({ secrets, dbPath }).key();
    expect(first).toHaveLength(32);
    writeMessage(dbPath, first, "kept");
    const again = await new DatabaseKeyStore({ secrets: new FileSecretStore(join(dbPath, "..")), dbPath }).key();
    expect(again!.equals(first!)).toBe(true);
    expect(readMessages(dbPath, again)).toEqual(["kept"]);
    expect(statSync(secrets.path).mode & 0o777).toBe(0o600);
  });

  it("makes no new key for an encrypted file whose key is lost, so opening fails with db_locked", async () => {
    const { dbPath, secrets } = dataDir();
    writeMessage(dbPath, await new DatabaseKeyStore({ secrets, dbPath }).key(), "kept");
    await secrets.delete(DATABASE_KEY_SECRET); // the keychain entry is gone
    const key = await new DatabaseKeyStore({ secrets, dbPath }).key();
    expect(key).toBeUndefined();
    expect(() => Store.open(dbPath, { key })).toThrow(expect.objectContaining({ code: "db_locked" }));
  });

  it("starts with a new key when the data file is empty (a first start cut short before it wrote anything)", async () => {
    const { dbPath, secrets } = dataDir();
    writeFileSync(dbPath, "");
    const key = await new DatabaseKeyStore({ secrets, dbPath }).key();
    expect(key).toHaveLength(32);
    writeMessage(dbPath, key, "kept");
    expect(readMessages(dbPath, key)).toEqual(["kept"]);
  });

  it("recovers a lost key with TANDEM_RECOVERY_PASSPHRASE and puts it back in the secret store", async () => {
    const { dbPath, secrets } = dataDir();
    const recoveryPassphrase = "correct horse battery staple";
    writeMessage(dbPath, await new DatabaseKeyStore({ secrets, dbPath, recoveryPassphrase }).key(), "recovered");
    expect(statSync(`${dbPath}.recovery`).mode & 0o777).toBe(0o600);
    await secrets.delete(DATABASE_KEY_SECRET);
    await expect(
      new DatabaseKeyStore({ secrets, dbPath, recoveryPassphrase: "wrong guess" }).key(),
    ).rejects.toMatchObject({ code: "db_locked" });
    const key = await new DatabaseKeyStore({ secrets, dbPath, recoveryPassphrase }).key();
    expect(readMessages(dbPath, key)).toEqual(["recovered"]);
    expect(await secrets.get(DATABASE_KEY_SECRET)).toBe(key!.toString("hex"));
  });

  it("derives the key from TANDEM_PASSPHRASE with a salt beside the file, storing no key", async () => {
    const { dbPath, secrets } = dataDir();
    const key = await new DatabaseKeyStore({ secrets, dbPath, passphrase: "my long passphrase" }).key();
    writeMessage(dbPath, key, "from passphrase");
    expect(await secrets.get(DATABASE_KEY_SECRET)).toBeNull();
    const again = await new DatabaseKeyStore({ secrets, dbPath, passphrase: "my long passphrase" }).key();
    expect(readMessages(dbPath, again)).toEqual(["from passphrase"]);
    const wrong = await new DatabaseKeyStore({ secrets, dbPath, passphrase: "another passphrase" }).key();
    expect(() => Store.open(dbPath, { key: wrong })).toThrow(expect.objectContaining({ code: "db_locked" }));
  });

  it("encrypts an existing plaintext data file on the first start with a key", async () => {
    const { dbPath, secrets } = dataDir();
    writeMessage(dbPath, undefined, "from before encryption");
    const key = await new DatabaseKeyStore({ secrets, dbPath }).key();
    expect(readMessages(dbPath, key)).toEqual(["from before encryption"]);
    expect(() => Store.open(dbPath)).toThrow(expect.objectContaining({ code: "db_locked" }));
  });
});
