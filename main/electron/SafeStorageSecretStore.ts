import type { SecretStore } from "../../app/secrets";

/** The part of Electron's `safeStorage` used here (plain functions, so tests need no Electron). */
export interface StringCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * Secrets encrypted with the OS keychain (Electron `safeStorage`: Keychain on macOS, DPAPI on
 * Windows, libsecret/kwallet on Linux) before they reach the 0600 file underneath, so a copy of
 * the data folder alone does not reveal the API key.
 */
export class SafeStorageSecretStore implements SecretStore {
  constructor(
    private readonly base: SecretStore,
    private readonly cipher: StringCipher,
  ) {}

  async get(name: string): Promise<string | null> {
    const stored = await this.base.get(name);
    return stored === null ? null : this.cipher.decryptString(Buffer.from(stored, "base64"));
  }

  set(name: string, value: string): Promise<void> {
    return this.base.set(name, this.cipher.encryptString(value).toString("base64"));
  }

  delete(name: string): Promise<void> {
    return this.base.delete(name);
  }
}
