import { detect } from "./detect";
import type { PrivacyVault } from "./PrivacyVault";
import { resolveOverlaps } from "./resolveOverlaps";
import { sanitizeDetected } from "./sanitize";
import type { Detection, DetectOptions, PrivateType, SanitizeResult } from "./types";

/** Model suggestions shorter than this are noise ("a", "I"). */
const MIN_ITEM_LENGTH = 2;

/**
 * Step 5: sanitize() plus a pass by the local model (options.modelPass) for what the rules
 * missed — medical conditions, unusual ids, names in other languages. Only exact substrings of
 * the input are accepted, so a model cannot make us replace text that is not there. Without
 * options.modelPass this equals sanitize().
 */
export async function sanitizeWithModel(text: string, vault: PrivacyVault, options: DetectOptions = {}): Promise<SanitizeResult> {
  if (options.declaredTerms?.length) vault.registerTerms(options.declaredTerms, "declared");
  const ruleDetections = detect(text, vault, options);
  const items = options.modelPass ? await options.modelPass(text) : [];
  const modelDetections = items.flatMap((item) => occurrences(text, item.text, item.type));
  const merged = resolveOverlaps([...ruleDetections, ...modelDetections]).map((c) => ({ ...c, text: text.slice(c.start, c.end) }));
  return sanitizeDetected(text, vault, merged, options);
}

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
