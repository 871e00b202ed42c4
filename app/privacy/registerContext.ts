import { detect } from "./detect";
import type { PrivacyVault } from "./PrivacyVault";
import type { DetectOptions } from "./types";

/**
 * Step 2's source: finds the private items in the conversation's private context (profile,
 * notes, attached documents) and registers them as context-derived terms, so they are caught
 * wherever they reappear — the local model's sketch is written from exactly this text.
 * Returns the number of new vault entries.
 */
export function registerContext(vault: PrivacyVault, text: string, options: DetectOptions = {}): number {
  const before = vault.size;
  if (options.declaredTerms?.length) vault.registerTerms(options.declaredTerms, "declared");
  const found = detect(text, vault, options).filter((d) => d.type !== "AGE" && !vault.find(d.text));
  vault.registerTerms(found.map((d) => ({ text: d.text, type: d.type })), "context");
  return vault.size - before;
}
