/**
 * Where secrets (the cloud API key) live — never in SQLite, never in logs. Implementations:
 * `FileSecretStore` (a 0600 file, browser host and CLI), `EnvSecretStore` (an overlay for
 * values the host read from the environment); the Electron host adds one on `safeStorage`.
 */
export interface SecretStore {
  /** The value, or null if none is stored. */
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  /** Removing a name that is not stored is not an error. */
  delete(name: string): Promise<void>;
}

/** The name under which the cloud provider's API key is stored. */
export const CLOUD_API_KEY_SECRET = "cloud.apiKey";
