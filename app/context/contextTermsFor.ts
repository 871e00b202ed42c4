import type { Profile } from "./Profile";
import type { ContextItem } from "./types";

/**
 * A term the privacy engine should treat as private as it is. The type names match
 * app/privacy's PrivateType, so `terms` can be passed to `vault.registerTerms` unchanged
 * (app/context does not import app/privacy: the dependency goes the other way).
 */
export interface ContextTerm {
  text: string;
  type: "PERSON" | "LOCATION" | "OTHER";
}

export interface ContextTerms {
  /** Profile name, family names (PERSON), city (LOCATION), "always private" terms (OTHER). Deduplicated. */
  terms: ContextTerm[];
  /**
   * Texts to scan for identifier-like items (`registerContext(vault, text)`): the profile's job,
   * health notes and free text, then each enabled item's title and text. Never includes items
   * that are off for the conversation.
   */
  texts: string[];
}

export function contextTermsFor(profile: Profile, enabledItems: readonly ContextItem[]): ContextTerms {
  const terms = new Map<string, ContextTerm>();
  const add = (text: string, type: ContextTerm["type"]) => {
    const clean = text.trim();
    if (clean && !terms.has(clean.toLowerCase())) terms.set(clean.toLowerCase(), { text: clean, type });
  };
  add(profile.name, "PERSON");
  profile.family.forEach((member) => add(member.name, "PERSON"));
  add(profile.city, "LOCATION");
  profile.alwaysPrivate.forEach((term) => add(term, "OTHER"));
  const texts = [
    profile.job,
    profile.healthNotes,
    profile.freeText,
    ...enabledItems.map((item) => `${item.title}\n${item.text}`),
  ];
  return { terms: [...terms.values()], texts: texts.filter((text) => text.trim()) };
}
