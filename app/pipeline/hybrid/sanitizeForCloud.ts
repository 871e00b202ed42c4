import type { ModelCheckReport } from "../../contract/types";
import type { LocalModel } from "../../model/LocalModel";
import {
  createModelPass,
  sanitize,
  sanitizeParts,
  sanitizeWithModel,
  settleParts,
  type DetectOptions,
  type PrivacyVault,
  type PrivateType,
  type SanitizedText,
} from "../../privacy";

/** Step 5's time budget for one request (instruction and sketch together). Default 15 s. */
export const MODEL_CHECK_BUDGET_MS = 15_000;

export interface SanitizedParts {
  texts: SanitizedText[];
  /** Distinct placeholders in the texts, first seen first (never the values). */
  replaced: Array<{ placeholder: string; type: PrivateType }>;
}

export interface ModelCheckOptions {
  model: LocalModel;
  /** Stop (the user pressed Stop); what was found so far is kept. */
  signal: AbortSignal;
  /** Default MODEL_CHECK_BUDGET_MS. */
  budgetMs?: number;
}

/** Sanitizes each part (instruction, sketch) in the conversation's vault: steps 1–4 only. */
export function sanitizeForCloud(
  parts: readonly string[],
  vault: PrivacyVault,
  options: DetectOptions,
): SanitizedParts {
  return collect(sanitizeParts(parts, vault, options));
}

/**
 * Steps 1–4, then step 5: the local model reads each rule-sanitized part for what the rules
 * missed, all parts within one time budget. A timeout keeps what was found so far; a failing
 * model pass leaves the rule output (the gate still re-scans whatever is sent).
 */
export async function sanitizeForCloudWithModel(
  parts: readonly string[],
  vault: PrivacyVault,
  options: DetectOptions,
  check: ModelCheckOptions,
): Promise<SanitizedParts & { modelCheck: ModelCheckReport }> {
  const started = performance.now();
  const budget = AbortSignal.timeout(check.budgetMs ?? MODEL_CHECK_BUDGET_MS);
  const modelPass = createModelPass(check.model, { signal: AbortSignal.any([check.signal, budget]) });
  const added: Record<string, number> = {};
  const results = [];
  let failed = false;
  for (const part of parts) {
    try {
      const result = await sanitizeWithModel(part, vault, { ...options, modelPass });
      for (const { type } of result.modelAdded) added[type] = (added[type] ?? 0) + 1;
      results.push(result);
    } catch {
      // A model error (e.g. out of context) is not worth losing the answer: the rules' output stands.
      failed = true;
      results.push(sanitize(part, vault, options));
    }
  }
  const status = failed ? "failed" : budget.aborted ? "timeout" : "done";
  return {
    ...collect(settleParts(results, vault, options)),
    modelCheck: { status, ms: Math.round(performance.now() - started), added },
  };
}

function collect(
  results: ReadonlyArray<{ text: SanitizedText; replaced: SanitizedParts["replaced"] }>,
): SanitizedParts {
  const replaced = new Map<string, PrivateType>();
  for (const r of results)
    for (const { placeholder, type } of r.replaced) if (!replaced.has(placeholder)) replaced.set(placeholder, type);
  return {
    texts: results.map((r) => r.text),
    replaced: [...replaced].map(([placeholder, type]) => ({ placeholder, type })),
  };
}

/** Placeholder counts per type, as the privacy report shows them ("PERSON: 2"). */
export function countByType(replaced: SanitizedParts["replaced"]): Record<string, number> {
  const byType: Record<string, number> = {};
  for (const { type } of replaced) byType[type] = (byType[type] ?? 0) + 1;
  return byType;
}
