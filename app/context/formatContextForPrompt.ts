import type { Profile } from "./Profile";
import type { RetrievedItem } from "./types";

/**
 * The private-context section of the LOCAL model's system prompt: the profile as a compact
 * block, then the retrieved passages under their item titles. "" when there is nothing.
 * Never goes to the cloud (the egress gate enforces that; this module only formats).
 */
export function formatContextForPrompt(
  profile: Profile | null,
  retrieved: { items: readonly RetrievedItem[] },
): string {
  const sections: string[] = [];
  const about = profile ? formatProfileBlock(profile) : "";
  if (about) sections.push(`About the user:\n${about}`);
  if (retrieved.items.length > 0) {
    const notes = retrieved.items.map((item) => `[${item.title}]\n${item.passages.map((p) => p.text).join("\n\n")}`);
    sections.push(`Relevant notes from the user's documents:\n${notes.join("\n\n")}`);
  }
  return sections.join("\n\n");
}

/** One line per profile field that has a value; "always private" terms are for the sanitizer, not the model. */
export function formatProfileBlock(profile: Profile): string {
  const family = profile.family.map((m) => (m.relation ? `${m.name} (${m.relation})` : m.name)).join(", ");
  const lines: Array<[string, string]> = [
    ["Name", profile.name],
    ["City", profile.city],
    ["Job", profile.job],
    ["Family", family],
    ["Health", profile.healthNotes],
    ["Notes", profile.freeText],
  ];
  return lines
    .filter(([, value]) => value.trim())
    .map(([label, value]) => `${label}: ${value.trim()}`)
    .join("\n");
}
