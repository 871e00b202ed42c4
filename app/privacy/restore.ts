import { canonicalPlaceholder, REWRITTEN_PLACEHOLDER, SPACED_PLACEHOLDER } from "./placeholder";
import type { PrivacyVault } from "./PrivacyVault";
import type { RestoreResult } from "./types";

/**
 * Puts the real values back into text written by a cloud model, on the device. Tolerates what
 * models do to placeholders: "[Person 1]", "PERSON_1", "[PERSON 1]", "Person_1", "PERSON\_1"
 * (markdown), other brackets; a possessive ("[PERSON_1]'s") is kept as written after the value.
 * Placeholder-looking tokens the vault does not know are left as they are and reported. The
 * forms accepted are app/privacy/placeholder.ts's.
 */

export function restore(text: string, vault: PrivacyVault): RestoreResult {
  let restored = 0;
  const unresolved: string[] = [];
  const swap = (match: string, type: string, n: string): string => {
    const entry = vault.get(canonicalPlaceholder(type, n));
    if (!entry) {
      if (!unresolved.includes(match)) unresolved.push(match);
      return match;
    }
    restored++;
    return entry.value;
  };
  const out = text
    .replace(REWRITTEN_PLACEHOLDER, (match, t1?: string, n1?: string, t2?: string, n2?: string) =>
      swap(match, (t1 ?? t2) as string, (n1 ?? n2) as string),
    )
    .replace(SPACED_PLACEHOLDER, (match, t: string, n: string) => swap(match, t, n));
  return { text: out, restored, unresolved };
}
