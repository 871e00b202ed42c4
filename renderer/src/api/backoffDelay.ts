/** Shortest and longest wait between reconnection attempts to the event stream. */
export const BACKOFF_MIN_MS = 500;
export const BACKOFF_MAX_MS = 10_000;

/**
 * Delay before reconnection attempt `attempt` (0-based): doubles from 0.5 s up to 10 s, with
 * up to 20% jitter so several tabs do not reconnect in lockstep. `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 - 0.2 * random()));
}
