import { safeStorage } from "electron";
import { CLOUD_API_KEY_SECRET, EnvSecretStore, FileSecretStore } from "../../app/secrets";
import type { HostOptions } from "../host/Host";
import { readConfig } from "../../app/config";
import { SafeStorageSecretStore } from "./SafeStorageSecretStore";

/**
 * The Electron host keeps the cloud key encrypted by the OS keychain. Where the OS offers none
 * (e.g. Linux without a keyring), it falls back to the 0600 file the other hosts use.
 * TANDEM_CLOUD_API_KEY, when set, overrides both.
 */
export function keychainSecrets(dataDir: string): NonNullable<HostOptions["secrets"]> {
  const file = new FileSecretStore(dataDir);
  const useKeychain = safeStorage.isEncryptionAvailable();
  const base = useKeychain ? new SafeStorageSecretStore(file, safeStorage) : file;
  const store = new EnvSecretStore(base, { [CLOUD_API_KEY_SECRET]: readConfig().cloudApiKey });
  const kind = store.isOverridden(CLOUD_API_KEY_SECRET) ? "environment" : useKeychain ? "os-keychain" : "file";
  return { store, kind };
}
