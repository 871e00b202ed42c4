/**
 * A content-free picture of a PUPA leak, so misses can be categorized without reading real
 * user data: letters become A/a (x for uncased scripts), digits 9; punctuation and spaces stay.
 * "Jane O'Neil" → "Aaaa A'Aaaa"; "$50,000" → "$99,999".
 */
export function maskText(text: string, max = 40): string {
  const masked = text.replace(/\s+/g, " ").replace(/[\p{L}\p{N}]/gu, maskChar);
  return masked.length > max ? `${masked.slice(0, max)}…` : masked;
}

function maskChar(c: string): string {
  if (/\p{N}/u.test(c)) return "9";
  if (/\p{Lu}/u.test(c)) return "A";
  return /\p{Ll}/u.test(c) ? "a" : "x";
}

/** The leaked occurrence as written in `output` (case-insensitive search), masked. */
export function maskOccurrence(output: string, unit: string): string {
  const at = output.toLowerCase().indexOf(unit.toLowerCase());
  return maskText(at === -1 ? unit : output.slice(at, at + unit.length));
}

/** How many times `unit` occurs in `text`, case-insensitively. */
export function countOccurrences(text: string, unit: string): number {
  const hay = text.toLowerCase();
  const needle = unit.toLowerCase();
  if (needle === "") return 0;
  let n = 0;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) n++;
  return n;
}
