import { LOOSE_PLACEHOLDER } from "./placeholder";
import type { PrivacyVault } from "./PrivacyVault";
import { resolveOverlaps } from "./resolveOverlaps";
import { sanitize, sanitizeDetected } from "./sanitize";
import type { Detection, DetectOptions, PrivateType, SanitizeResult } from "./types";

/** Model suggestions shorter than this are noise ("a", "I"). */
const MIN_ITEM_LENGTH = 2;

export interface ModelSanitizeResult extends SanitizeResult {
  /** Placeholders the model pass added on top of steps 1–4, first seen first (never the values). */
  modelAdded: Array<{ placeholder: string; type: PrivateType }>;
}

/**
 * Step 5, AFTER steps 1–4: sanitize() first, then the local model (options.modelPass) reads the
 * rule-sanitized text — so it never sees what the rules already replaced — and names what they
 * missed (medical conditions, unusual ids, names in other languages). Only exact, whole-word
 * substrings outside placeholders are accepted, so a model cannot make us replace text that is
 * not there. Without options.modelPass this equals sanitize().
 */
export async function sanitizeWithModel(
  text: string,
  vault: PrivacyVault,
  options: DetectOptions = {},
): Promise<ModelSanitizeResult> {
  const ruled = sanitize(text, vault, options);
  if (!options.modelPass) return { ...ruled, modelAdded: [] };
  const items = await options.modelPass(ruled.text);
  const placeholders = [...ruled.text.matchAll(LOOSE_PLACEHOLDER)].map(
    (m) => [m.index, m.index + m[0].length] as const,
  );
  const found = items
    .flatMap((item) => occurrences(ruled.text, item.text, item.type))
    .filter((d) => !placeholders.some(([s, e]) => d.start < e && d.end > s));
  if (found.length === 0) return { ...ruled, modelAdded: [] };
  // Overlapping suggestions become one span (fail safe), as in detect().
  const merged = resolveOverlaps(found).map((c) => ({ ...c, text: ruled.text.slice(c.start, c.end) }));
  const result = sanitizeDetected(ruled.text, vault, merged, options);
  const before = new Set(ruled.replaced.map((r) => r.placeholder));
  return { ...result, modelAdded: result.replaced.filter((r) => !before.has(r.placeholder)) };
}

/** Whole-word occurrences of `item` in `text`. */
function occurrences(text: string, item: string, type: PrivateType): Detection[] {
  const needle = item.trim();
  if (needle.length < MIN_ITEM_LENGTH) return [];
  const found: Detection[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const wordStart = at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1] ?? "");
    const wordEnd = !/[\p{L}\p{N}]/u.test(text[at + needle.length] ?? "");
    if (wordStart && wordEnd) found.push({ type, start: at, end: at + needle.length, text: needle, source: "model" });
  }
  return found;
}
