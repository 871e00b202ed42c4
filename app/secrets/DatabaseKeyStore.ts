import { randomBytes, scrypt } from "node:crypto";
import { chmod, readFile, rename, rm, writeFile } from "node:fs/promises";
import { TandemError } from "../contract/errors";
import { decryptExport, encryptExport } from "../data/encryptExport";
import { DB_KEY_BYTES, isEncryptedDatabase } from "../store/cipher";
import type { SecretStore } from "./SecretStore";

/** The name under which the database key (64 hex digits) is kept in the SecretStore. */
export const DATABASE_KEY_SECRET = "database.key";

/** scrypt for TANDEM_PASSPHRASE: N = 2^15, r = 8 (32 MiB, ~0.1 s), once per start. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export interface DatabaseKeyOptions {
  /** Where the random key is kept: the OS keychain (Electron) or the 0600 secrets file. */
  secrets: SecretStore;
  /** The database file; the salt (`.salt`) and the recovery copy (`.recovery`) live beside it. */
  dbPath: string;
  /** TANDEM_PASSPHRASE: when set, the key is derived from it instead of stored. */
  passphrase?: string | null;
  /** TANDEM_RECOVERY_PASSPHRASE: keeps a copy of the key sealed with it, to recover a lost keychain. */
  recoveryPassphrase?: string | null;
}

/**
 * The key for `Store.open(path, { key })`. A random 256-bit key is made on first use (no
 * per-open KDF cost) and kept in the SecretStore; or, with a passphrase, derived by scrypt with
 * a salt stored beside the database. Returns undefined only when the file is encrypted and no
 * key can be found: Store.open then fails with `db_locked` and says how to recover.
 */
export class DatabaseKeyStore {
  constructor(private readonly options: DatabaseKeyOptions) {}

  async key(): Promise<Buffer | undefined> {
    const { passphrase, secrets, dbPath } = this.options;
    if (passphrase) return derive(passphrase, await this.salt());
    const stored = await secrets.get(DATABASE_KEY_SECRET);
    if (stored !== null) return this.withRecoveryCopy(parseKey(stored));
    if (isEncryptedDatabase(dbPath)) return this.recover();
    const key = randomBytes(DB_KEY_BYTES);
    await secrets.set(DATABASE_KEY_SECRET, key.toString("hex"));
    return this.withRecoveryCopy(key);
  }

  /** The key sealed with the recovery passphrase (the encrypted-export format), put back in the SecretStore. */
  private async recover(): Promise<Buffer | undefined> {
    const { recoveryPassphrase, secrets } = this.options;
    const sealed = recoveryPassphrase ? await readFile(this.recoveryPath, "utf8").catch(() => null) : null;
    if (!recoveryPassphrase || sealed === null) return undefined;
    let key: Buffer;
    try {
      key = parseKey(await decryptExport(JSON.parse(sealed), recoveryPassphrase));
    } catch (error) {
      throw new TandemError(
        "db_locked",
        `TANDEM_RECOVERY_PASSPHRASE does not open ${this.recoveryPath}. Check the passphrase and try again.`,
        { cause: error },
      );
    }
    await secrets.set(DATABASE_KEY_SECRET, key.toString("hex"));
    return key;
  }

  private async withRecoveryCopy(key: Buffer): Promise<Buffer> {
    const { recoveryPassphrase } = this.options;
    if (!recoveryPassphrase) return key;
    const existing = await readFile(this.recoveryPath, "utf8").catch(() => null);
    // Re-sealed only when missing or made with another passphrase: scrypt costs ~0.1 s.
    const current =
      existing !== null &&
      (await decryptExport(JSON.parse(existing), recoveryPassphrase)
        .then(parseKey)
        .catch(() => null));
    if (!current || !current.equals(key))
      await writePrivate(this.recoveryPath, await encryptExport(key.toString("hex"), recoveryPassphrase));
    return key;
  }

  private async salt(): Promise<Buffer> {
    const path = `${this.options.dbPath}.salt`;
    const existing = await readFile(path, "utf8").catch(() => null);
    if (existing !== null) return Buffer.from(existing.trim(), "hex");
    if (isEncryptedDatabase(this.options.dbPath)) {
      throw new TandemError(
        "db_locked",
        `The salt file ${path} is missing, so TANDEM_PASSPHRASE cannot rebuild the key of the encrypted data file. Restore the file from a backup.`,
      );
    }
    const salt = randomBytes(16);
    await writePrivate(path, salt.toString("hex"));
    return salt;
  }

  private get recoveryPath(): string {
    return `${this.options.dbPath}.recovery`;
  }
}

function parseKey(hex: string): Buffer {
  if (!/^[0-9a-f]{64}$/i.test(hex))
    throw new TandemError("secrets_corrupt", "The stored database key is damaged (not 64 hex digits).");
  return Buffer.from(hex, "hex");
}

function derive(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize("NFC"), salt, DB_KEY_BYTES, SCRYPT, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Written to a temp file then renamed, mode 0600, so a crash never leaves half a file. */
async function writePrivate(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temp, text, { mode: 0o600, flag: "wx" });
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
