import { HIGHLIGHT_END, HIGHLIGHT_START } from "../../../app/contract/types";

/** A piece of a search snippet: plain text, or a matched term to show highlighted. */
export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

/**
 * Splits a search snippet on the U+E000/U+E001 markers the back end puts around matches.
 * The result is plain text to render as React text nodes — never HTML. Unbalanced markers
 * (e.g. a snippet cut in the middle of a match) are tolerated: a stray end marker is dropped,
 * and an unclosed start highlights to the end.
 */
export function splitHighlights(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlighted = false;
  let current = "";
  for (const char of snippet) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_END) {
      const next = char === HIGHLIGHT_START;
      if (next !== highlighted) {
        pushPart(parts, current, highlighted);
        current = "";
        highlighted = next;
      }
      continue;
    }
    current += char;
  }
  pushPart(parts, current, highlighted);
  return parts;
}

function pushPart(parts: SnippetPart[], text: string, highlighted: boolean): void {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last && last.highlighted === highlighted) last.text += text;
  else parts.push({ text, highlighted });
}
