import type { Span } from "./recognizers/Recognizer";
import type { Candidate } from "./resolveOverlaps";

/**
 * A name the names step found that runs into the first letters of a structured item ("Belfius B"
 * before the IBAN "BE83 0682 …") ends where the item begins. Otherwise the overlap merges both
 * into one IBAN span, the bank's name is never typed as an organisation, and registered from the
 * profile it does not answer when "Belfius" reappears alone. Coverage is unchanged: the clipped
 * part still lies inside the structured item's span.
 */
export function clipAtPatterns(text: string, names: readonly Span[], candidates: readonly Candidate[]): Span[] {
  const patterns = candidates.filter((c) => c.source === "pattern");
  if (patterns.length === 0) return [...names];
  const out: Span[] = [];
  for (const s of names) {
    const item = patterns.find((p) => p.start > s.start && p.start < s.end && p.end >= s.end);
    let end = item ? item.start : s.end;
    while (end > s.start && /\s/.test(text[end - 1] ?? "")) end--;
    if (end > s.start) out.push(end === s.end ? s : { start: s.start, end, type: s.type });
  }
  return out;
}
