import type { PrivacyVault } from "../../privacy";

/**
 * Template slots cloud models write where they lack a detail — "[Your Name]", "[Date]",
 * "[Landlord's Name]": a capitalized phrase in square brackets, without digits (placeholders
 * with numbers are restore()'s job), not a Markdown link ("[text](url)") or checkbox ("[x]").
 */
const TEMPLATE_SLOT = /\[(\p{Lu}[\p{L}'’ .\-/]{0,38}\p{L}\.?)\](?!\()/gu;

/** At most this many gaps go to the local pass: it must stay short whatever the cloud wrote. */
export const MAX_GAPS = 8;

export interface Gaps {
  /** Text in the restored answer that stands for a missing detail, as written, first seen first. */
  gaps: string[];
  /** Placeholders that were sent but whose value the restored answer does not contain. */
  dropped: string[];
}

/**
 * What the restored cloud answer is missing: placeholders the vault could not resolve, template
 * slots, and private facts the cloud left out (`sent` = placeholders in the outbound payload).
 */
export function findGaps(
  restoredText: string,
  unresolved: readonly string[],
  sent: readonly string[],
  vault: PrivacyVault,
): Gaps {
  const slots = [...restoredText.matchAll(TEMPLATE_SLOT)].map((m) => m[0]);
  const gaps = [...new Set([...unresolved, ...slots])].slice(0, MAX_GAPS);
  const lower = restoredText.toLowerCase();
  const dropped = sent.filter((placeholder) => {
    const value = vault.get(placeholder)?.value;
    return value !== undefined && !lower.includes(value.toLowerCase());
  });
  return { gaps, dropped };
}
