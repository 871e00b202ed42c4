import { PLACEHOLDER } from "../../../app/contract/placeholder";

/** A piece of outbound text: plain, or a placeholder such as "[PERSON_1]" to show highlighted. */
export interface PayloadPart {
  text: string;
  placeholder: boolean;
}

/**
 * Splits text on the placeholders the sanitizer put in, so the UI can mark them. Returns plain
 * text parts only — rendered as React text nodes, never as HTML.
 */
export function splitPlaceholders(text: string): PayloadPart[] {
  const parts: PayloadPart[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), placeholder: false });
    parts.push({ text: match[0], placeholder: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), placeholder: false });
  return parts;
}

/** The distinct placeholders in a text, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(text.match(PLACEHOLDER) ?? [])];
}
