import type { Span } from "./recognizers/Recognizer";
import type { Candidate } from "./resolveOverlaps";
import type { PrivateType } from "./types";

/**
 * A span of the names step that runs into the first letters of a structured item ends where the
 * item begins: "Belfius B" before the IBAN "BE83 0682 …" is the bank "Belfius", "IBAN DE8937"
 * (a form label with its value) is the label and the IBAN. Otherwise the overlap merges both into
 * one IBAN span: the bank is never typed as an organisation and, registered from the profile, does
 * not answer when "Belfius" reappears alone. What is clipped lies inside the item's span, so
 * nothing is uncovered; a clipped id that keeps no digit was only its label ("IBAN") and is dropped.
 */
const NAME_TYPES = new Set<PrivateType>(["PERSON", "ORG", "LOCATION"]);

export function clipAtPatterns(text: string, names: readonly Span[], candidates: readonly Candidate[]): Span[] {
  const patterns = candidates.filter((c) => c.source === "pattern");
  if (patterns.length === 0) return [...names];
  const out: Span[] = [];
  for (const s of names) {
    const item = patterns.find((p) => p.start > s.start && p.start < s.end && p.end >= s.end);
    if (!item) {
      out.push(s);
      continue;
    }
    let end = item.start;
    while (end > s.start && /\s/.test(text[end - 1] ?? "")) end--;
    const kept = text.slice(s.start, end);
    if (end > s.start && (NAME_TYPES.has(s.type) || /\d/.test(kept))) out.push({ start: s.start, end, type: s.type });
  }
  return out;
}
