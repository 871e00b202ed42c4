import { tokenFromHash } from "./tokenFromHash";

const STORAGE_KEY = "tandem.token";

/**
 * Takes the token from `#token=…` on first load, keeps it in sessionStorage (so a reload of this
 * tab still works) and removes it from the address bar, so it is not left in history or shown on
 * screen shares. Returns null when the page was opened without it.
 */
export function loadToken(): string | null {
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash) {
    sessionStorage.setItem(STORAGE_KEY, fromHash);
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
