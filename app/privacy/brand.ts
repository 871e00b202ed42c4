import type { SanitizedText } from "./types";

/**
 * The only place a string becomes SanitizedText. Not re-exported from index.ts: outside
 * app/privacy the brand can only be obtained from sanitize()/sanitizeWithModel().
 */
export function asSanitized(text: string): SanitizedText {
  return text as SanitizedText;
}
