import type { Recognizer, Span } from "./Recognizer";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?![\\d]|\\.\\d)`, "g");
const IPV6 = /(?<![\p{L}\p{N}:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\p{L}\p{N}:])/giu;
// "version 1.2.3.4", "v1.2.3.4", "Chrome 120.0.6099.109" are versions, not addresses.
const VERSION_BEFORE =
  /\b(?:v|version|ver\.?|release|build|rev\.?|firmware|chrome|firefox|safari|ios|android|windows|macos|node)\s*:?\s*$/i;

/** A real IPv6: one "::" at most, eight groups (or fewer with "::"), at least two non-empty. */
export function isIpv6(s: string): boolean {
  const halves = s.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g)) || groups.length < 2) return false;
  if (halves.length === 1 && groups.length !== 8) return false;
  // "10:30:00"-like clock times never reach here (no "::", not 8 groups); require a hex letter
  // or a long group so that "1::2" ratio strings are not taken for addresses.
  return groups.length === 8 || groups.some((g) => /[a-f]/i.test(g) || g.length >= 3);
}

export const ip: Recognizer = (text) => {
  const spans: Span[] = [];
  for (const m of text.matchAll(IPV4)) {
    const start = m.index ?? 0;
    if (VERSION_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    spans.push({ start, end: start + m[0].length, type: "IP" });
  }
  if (!/[0-9a-f]{1,4}:[0-9a-f]{0,4}:/i.test(text)) return spans;
  for (const m of text.matchAll(IPV6)) {
    if (isIpv6(m[0])) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, type: "IP" });
  }
  return spans;
};
