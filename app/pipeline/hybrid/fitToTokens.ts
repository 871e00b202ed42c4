/**
 * `text` cut to at most `maxTokens` (by the given tokenizer): whole lines kept from the start
 * while they fit, then as many characters of the next line as fit, with "…" marking the cut.
 */
export function fitToTokens(text: string, maxTokens: number, countTokens: (text: string) => number): string {
  if (countTokens(text) <= maxTokens) return text;
  const lines = text.split("\n");
  let kept = "";
  for (const line of lines) {
    const next = kept ? `${kept}\n${line}` : line;
    if (countTokens(`${next}…`) > maxTokens) return cutLine(kept, line, maxTokens, countTokens);
    kept = next;
  }
  return kept;
}

/** Binary search for the longest prefix of `line` that still fits after `kept`. */
function cutLine(kept: string, line: string, maxTokens: number, countTokens: (text: string) => number): string {
  const join = (n: number) => `${kept ? `${kept}\n` : ""}${line.slice(0, n)}…`;
  let low = 0;
  let high = line.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (countTokens(join(mid)) <= maxTokens) low = mid;
    else high = mid - 1;
  }
  if (low > 0) return join(low);
  if (!kept) return "";
  // Not one character of the line fits: the mark on a line of its own if that fits, else after
  // the kept lines (they were checked to fit with it).
  return countTokens(join(0)) <= maxTokens ? join(0) : `${kept}…`;
}
