import type { PrivacyVault } from "./PrivacyVault";
import { PRIVATE_TYPES, type RestoreResult } from "./types";

/**
 * Puts the real values back into text written by a cloud model, on the device. Tolerates what
 * models do to placeholders: "[Person 1]", "PERSON_1", "[PERSON 1]", "Person_1", "PERSON\_1"
 * (markdown), other brackets; a possessive ("[PERSON_1]'s") is kept as written after the value.
 * Placeholder-looking tokens the vault does not know are left as they are and reported.
 */
const TYPE_NAMES = PRIVATE_TYPES.map((t) => t.replace(/_/g, "[ _\\\\-]*")).sort((a, b) => b.length - a.length);
const TYPE = `(${TYPE_NAMES.join("|")})`;
// Bracketed in any case and spacing; or unbracketed with an underscore; or unbracketed ALL CAPS.
const BRACKETED = `[\\[{<(]\\s*${TYPE}\\s*(?:\\\\?[_ #\\-]\\s*)?(\\d+)\\s*[\\]}>)]`;
const UNBRACKETED = `(?<![\\p{L}\\p{N}])${TYPE}\\\\?_(\\d+)(?![\\p{L}\\p{N}])`;
const PLACEHOLDER = new RegExp(`${BRACKETED}|${UNBRACKETED}`, "giu");
const CAPS_SPACED = new RegExp(`(?<![\\p{L}\\p{N}\\[])(${PRIVATE_TYPES.join("|")}) (\\d+)(?![\\p{L}\\p{N}\\]])`, "gu");

function canonical(type: string, n: string): string {
  return `[${type.toUpperCase().replace(/[ _\\-]+/g, "_")}_${Number(n)}]`;
}

export function restore(text: string, vault: PrivacyVault): RestoreResult {
  let restored = 0;
  const unresolved: string[] = [];
  const swap = (match: string, type: string, n: string): string => {
    const entry = vault.get(canonical(type, n));
    if (!entry) {
      if (!unresolved.includes(match)) unresolved.push(match);
      return match;
    }
    restored++;
    return entry.value;
  };
  const out = text
    .replace(PLACEHOLDER, (match, t1?: string, n1?: string, t2?: string, n2?: string) => swap(match, (t1 ?? t2) as string, (n1 ?? n2) as string))
    .replace(CAPS_SPACED, (match, t: string, n: string) => swap(match, t, n));
  return { text: out, restored, unresolved };
}
