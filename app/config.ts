/**
 * The one module that reads the environment. Every option documents its default.
 * Hosts call `readConfig()` once and pass the result down; nothing else touches process.env.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import type { LogLevel } from "./logging/Logger";

export interface TandemConfig {
  /**
   * Where all user data lives (the SQLite file, keys, logs).
   * `TANDEM_HOME`; default: the host's choice — Electron's userData dir, else `~/.tandem`.
   */
  dataDir: string;
  /** `TANDEM_LOG_LEVEL`; default "warn" (the terminal stays readable; "info" adds timings and ids). */
  logLevel: LogLevel;
  /** `TANDEM_THREADS`: generation threads; default: unset (settings, then the real core count). */
  threads: number | null;
  /** `TANDEM_PORT`: the browser host's port; default 0 (a free port chosen at start). */
  port: number;
  /**
   * `TANDEM_CLOUD_API_KEY`: the cloud provider's API key for the browser host and the CLI (the
   * Electron host keeps it in the OS keychain). Default: unset (null). Hosts pass it to
   * `EnvSecretStore`; it is never written to SQLite or logs.
   */
  cloudApiKey: string | null;
  /**
   * `TANDEM_PASSPHRASE`: when set, the database key is derived from it (scrypt, salt beside the
   * file) instead of a random key kept in the keychain/0600 file. Must be set from the first
   * start on. Default: unset (null).
   */
  passphrase: string | null;
  /**
   * `TANDEM_RECOVERY_PASSPHRASE`: when set, a copy of the database key sealed with it is kept in
   * `tandem.db.recovery`, and a lost keychain entry is recovered from it. Default: unset (null).
   */
  recoveryPassphrase: string | null;
  /**
   * `TANDEM_PROXY_TOKEN`: the token apps must send to the privacy proxy. Default: unset (null) —
   * a random token is made once and kept in the secret store.
   */
  proxyToken: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, defaults: { dataDir?: string } = {}): TandemConfig {
  const level = env.TANDEM_LOG_LEVEL;
  return {
    dataDir: env.TANDEM_HOME?.trim() || defaults.dataDir || join(homedir(), ".tandem"),
    logLevel: level === "debug" || level === "info" || level === "error" ? level : "warn",
    threads: positiveInt(env.TANDEM_THREADS),
    port: positiveInt(env.TANDEM_PORT) ?? 0,
    cloudApiKey: env.TANDEM_CLOUD_API_KEY?.trim() || null,
    // Not trimmed: spaces may be part of a passphrase.
    passphrase: env.TANDEM_PASSPHRASE || null,
    recoveryPassphrase: env.TANDEM_RECOVERY_PASSPHRASE || null,
    proxyToken: env.TANDEM_PROXY_TOKEN?.trim() || null,
  };
}

function positiveInt(value: string | undefined): number | null {
  if (!value) return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
