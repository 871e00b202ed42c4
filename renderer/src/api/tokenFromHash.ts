/**
 * Reads the per-start token from a location hash like `#token=ab12…`. The browser host prints
 * the page URL with it; the token never travels in a query string (which would reach logs).
 * Returns null when there is none or it is not hex.
 */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const token = params.get("token");
  return token && /^[0-9a-fA-F]{16,256}$/.test(token) ? token : null;
}
