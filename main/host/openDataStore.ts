import { join } from "node:path";
import { readConfig, type TandemConfig } from "../../app/config";
import type { Logger } from "../../app/logging/Logger";
import { DatabaseKeyStore } from "../../app/secrets/DatabaseKeyStore";
import { FileSecretStore, type SecretStore } from "../../app/secrets";
import { Store } from "../../app/store/Store";

/** The database file inside the data directory. */
export const DATA_DB_FILE = "tandem.db";

export interface OpenDataStoreOptions {
  /** Where the database key lives; default the 0600 secrets file in `dataDir` (Electron passes its keychain store). */
  secrets?: SecretStore;
  /** TANDEM_PASSPHRASE / TANDEM_RECOVERY_PASSPHRASE; default read from the environment. */
  config?: Pick<TandemConfig, "passphrase" | "recoveryPassphrase">;
  logger?: Logger;
}

/**
 * Opens the user's encrypted database in `dataDir` (hosts and CLI commands alike): finds or makes
 * its key, encrypts a plaintext file from an older version on the way, and fails with
 * `db_locked` when the file is encrypted and its key is gone.
 */
export async function openDataStore(dataDir: string, options: OpenDataStoreOptions = {}): Promise<Store> {
  const config = options.config ?? readConfig();
  const dbPath = join(dataDir, DATA_DB_FILE);
  const keys = new DatabaseKeyStore({
    secrets: options.secrets ?? new FileSecretStore(dataDir),
    dbPath,
    passphrase: config.passphrase,
    recoveryPassphrase: config.recoveryPassphrase,
  });
  return Store.open(dbPath, { logger: options.logger, key: await keys.key() });
}
