/**
 * The last open conversation, kept in localStorage (UI state, not user data: an id only) so a
 * restart or a reload reopens it. Storage may be unavailable (privacy settings): then nothing is
 * remembered, and nothing breaks.
 */
const KEY = "tandem.lastConversation";

export function readLastConversation(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** `null` = a fresh chat was open last: the next start opens a fresh chat too. */
export function writeLastConversation(id: string | null): void {
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (quota, privacy mode): restoring is a convenience, not a promise.
  }
}
