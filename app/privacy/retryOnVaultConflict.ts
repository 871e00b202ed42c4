import { VaultConflictError } from "./VaultConflictError";

export interface VaultRetryOptions {
  /** Attempts in all, the first included; the last attempt's conflict is thrown. */
  attempts: number;
  /** Told before each new attempt (for a log line: the attempt number, never values). */
  onConflict?(attempt: number): void;
}

/**
 * Runs `attempt` again while it fails with VaultConflictError, at most `options.attempts` times.
 * A refused save means another writer (the app and `cli proxy` on one data folder) saved the
 * conversation's vault since it was loaded: `attempt` must load the vault itself, so each try
 * sanitizes on the vault as it is now and numbers after the other writer's entries. Any other
 * error is thrown at once.
 */
export function retryOnVaultConflict<T>(options: VaultRetryOptions, attempt: (n: number) => T): T {
  for (let n = 1; ; n++) {
    try {
      return attempt(n);
    } catch (error) {
      if (!tryAgain(error, n, options)) throw error;
    }
  }
}

/** retryOnVaultConflict for work that awaits between loading the vault and saving it. */
export async function retryOnVaultConflictAsync<T>(
  options: VaultRetryOptions,
  attempt: (n: number) => Promise<T>,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!tryAgain(error, n, options)) throw error;
    }
  }
}

function tryAgain(error: unknown, attempt: number, options: VaultRetryOptions): boolean {
  if (!(error instanceof VaultConflictError) || attempt >= options.attempts) return false;
  options.onConflict?.(attempt);
  return true;
}
