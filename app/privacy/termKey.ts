import { foldString } from "./homoglyphs";

/**
 * The identity of a private value for the vault: folded (homoglyphs, diacritics, NFKC),
 * lowercased, without a trailing possessive and without separators, so "Thompson's",
 * "THOMPSON" and "Thоmpson" (Cyrillic о) are one key, and "DE89 3704…" equals "DE893704…".
 */
export function termKey(text: string): string {
  return foldString(text)
    .toLowerCase()
    .replace(/(?:['’`]s|s['’`])$/u, (m) => (m.startsWith("s") ? "s" : ""))
    .replace(/[^\p{L}\p{N}@]+/gu, "");
}
