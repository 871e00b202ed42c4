import { foldString } from "./homoglyphs";

const POSSESSIVE = /(?:['’`]s|s['’`])$/u;
const SEPARATORS = /[^\p{L}\p{N}@]+/gu;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The identity of a private value for the vault: folded (homoglyphs, diacritics, NFKC),
 * lowercased, without a trailing possessive and without separators, so "Thompson's",
 * "THOMPSON" and "Thоmpson" (Cyrillic о) are one key, and "DE89 3704…" equals "DE893704…".
 */
export function termKey(text: string): string {
  let key = foldString(text).toLowerCase();
  const possessive = POSSESSIVE.exec(key);
  if (possessive) key = key.slice(0, possessive.index) + (possessive[0].startsWith("s") ? "s" : "");
  // Speed (every vault lookup and placeholder asks for a key): in ASCII, letters and digits are a–z and 0–9.
  return ASCII.test(key) ? asciiLettersDigitsAt(key) : key.replace(SEPARATORS, "");
}

/** `key` without every character other than a–z, 0–9 and "@" (key is lowercase ASCII). */
function asciiLettersDigitsAt(key: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const keep = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 64;
    if (keep) continue;
    out += key.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? key : out + key.slice(from);
}
