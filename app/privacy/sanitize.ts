import { asSanitized } from "./brand";
import { detect, detectSteps } from "./detect";
import type { PrivacyVault } from "./PrivacyVault";
import type { Detection, DetectOptions, PrivateType, SanitizeResult } from "./types";

/**
 * Passes over the output until no vault value is found in it any more: values and variants
 * registered during the first pass ("Thompson" after "Gary Thompson") may occur elsewhere in
 * the same text. The egress gate runs the full detect() again on what is finally sent.
 */
const MAX_PASSES = 3;

/**
 * Replaces every private item by its vault placeholder (creating placeholders as needed).
 * `options.declaredTerms` are registered in the vault first, so they stay private for the
 * whole conversation.
 */
export function sanitize(text: string, vault: PrivacyVault, options: DetectOptions = {}): SanitizeResult {
  if (options.declaredTerms?.length) vault.registerTerms(options.declaredTerms, "declared");
  return sanitizeDetected(text, vault, detect(text, vault, options), options);
}

/** Applies given detections, then re-checks the output (shared with sanitizeWithModel). */
export function sanitizeDetected(text: string, vault: PrivacyVault, detections: Detection[], options: DetectOptions): SanitizeResult {
  let out = replace(text, vault, detections);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const more = detectSteps(out, vault, { ...options, declaredTerms: undefined }, { structured: false, nlp: false });
    if (more.length === 0) break;
    out = replace(out, vault, more);
  }
  return { text: asSanitized(out), replaced: placeholdersIn(out, vault) };
}

function replace(text: string, vault: PrivacyVault, detections: Detection[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const d of [...detections].sort((a, b) => a.start - b.start)) {
    if (d.start < at) continue;
    parts.push(text.slice(at, d.start), vault.placeholderFor(d.text, d.type, "detected"));
    at = d.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** The vault placeholders present in `text`, in order of first appearance. */
function placeholdersIn(text: string, vault: PrivacyVault): Array<{ placeholder: string; type: PrivateType }> {
  const seen = new Map<string, PrivateType>();
  for (const m of text.matchAll(/\[[A-Z_]+_\d+\]/g)) {
    const entry = vault.get(m[0]);
    if (entry && !seen.has(m[0])) seen.set(m[0], entry.type);
  }
  return [...seen].map(([placeholder, type]) => ({ placeholder, type }));
}
