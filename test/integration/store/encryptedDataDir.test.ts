import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Result } from "../../../app/contract/errors";
import { DATABASE_KEY_SECRET } from "../../../app/secrets/DatabaseKeyStore";
import { FileSecretStore } from "../../../app/secrets";
import { Store } from "../../../app/store/Store";
import { createHost, DB_FILE } from "../../../main/host/createHost";
import { seedData, snapshot } from "../../unit/data/seedData";
import { filesContaining } from "../data/scanDir";
import { dataKey } from "../../helpers/dataKey";

const MARKER = "Quetzalvorn";

/** The host as a user runs it: a data folder from an older, unencrypted Tandem, then starts. */
describe("the data folder at rest", () => {
  let dataDir: string;
  const previous = process.env.TANDEM_RECOVERY_PASSPHRASE;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "tandem-at-rest-"));
    delete process.env.TANDEM_RECOVERY_PASSPHRASE;
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TANDEM_RECOVERY_PASSPHRASE;
    else process.env.TANDEM_RECOVERY_PASSPHRASE = previous;
  });

  function seedPlaintext(): ReturnType<typeof snapshot> {
    const store = Store.open(join(dataDir, DB_FILE));
    try {
      seedData(store, MARKER);
      return snapshot(store);
    } finally {
      store.close();
    }
  }

  it("encrypts an older plaintext database on start: every row kept, no planted text left on disk", async () => {
    const before = seedPlaintext();
    expect(filesContaining(dataDir, MARKER)).toEqual([DB_FILE]); // the scan can fail
    const host = await createHost({ dataDir, kind: "cli", gpu: false, quiet: true });
    const listed = (await host.handle("conversations:list", {})) as Result<unknown[]>;
    expect(listed.ok && listed.value.length).toBe(3);
    await host.close();
    expect(filesContaining(dataDir, MARKER)).toEqual([]);
    expect(() => Store.open(join(dataDir, DB_FILE))).toThrow(expect.objectContaining({ code: "db_locked" }));
    const reopened = Store.open(join(dataDir, DB_FILE), { key: dataKey(dataDir) });
    try {
      expect(snapshot(reopened)).toEqual(before);
    } finally {
      reopened.close();
    }
  });

  it("refuses to start with db_locked when the key is lost, and starts again with the recovery passphrase", async () => {
    seedPlaintext();
    process.env.TANDEM_RECOVERY_PASSPHRASE = "a recovery passphrase I wrote down";
    await (await createHost({ dataDir, kind: "cli", gpu: false, quiet: true })).close();
    await new FileSecretStore(dataDir).delete(DATABASE_KEY_SECRET); // the keychain entry is gone

    delete process.env.TANDEM_RECOVERY_PASSPHRASE;
    await expect(createHost({ dataDir, kind: "cli", gpu: false, quiet: true })).rejects.toMatchObject({
      code: "db_locked",
      message: expect.stringContaining("recovery passphrase"),
    });

    process.env.TANDEM_RECOVERY_PASSPHRASE = "a recovery passphrase I wrote down";
    const host = await createHost({ dataDir, kind: "cli", gpu: false, quiet: true });
    const listed = (await host.handle("conversations:list", {})) as Result<unknown[]>;
    await host.close();
    expect(listed.ok && listed.value.length).toBe(3);
  });
});
