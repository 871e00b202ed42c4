import { isVocabularyWord } from "./commonWords";
import { detect } from "./detect";
import type { PrivacyVault } from "./PrivacyVault";
import type { DetectOptions } from "./types";

/**
 * Step 2's source: finds the private items in the conversation's private context (profile,
 * notes, attached documents) and registers them as context-derived terms, so they are caught
 * wherever they reappear — the local model's sketch is written from exactly this text.
 * Returns the number of new vault entries.
 *
 * Never registers everyday words ("square" of an address on a square, "a number", "Nummer"): the
 * app's own prompts and any ordinary reply contain them, and a vault term there would be replaced
 * everywhere — or make the egress gate refuse every request of the conversation.
 */
export function registerContext(vault: PrivacyVault, text: string, options: DetectOptions = {}): number {
  const before = vault.size;
  if (options.declaredTerms?.length) vault.registerTerms(options.declaredTerms, "declared");
  const found = detect(text, vault, options).filter((d) => d.type !== "AGE" && !vault.find(d.text) && !isEverydayPhrase(d.text));
  vault.registerTerms(found.map((d) => ({ text: d.text, type: d.type })), "context");
  return vault.size - before;
}

/**
 * One everyday word, or everyday words not all capitalized ("a number"); no digits or "@".
 * "Riverside Primary School" (everyday words, each capitalized) is a name and stays private.
 */
export function isEverydayPhrase(text: string): boolean {
  if (/[\p{N}@]/u.test(text)) return false;
  const words = text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
  const named = words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w));
  return !named && words.every((w) => isVocabularyWord(w.replace(/['’]s$/u, "")));
}
