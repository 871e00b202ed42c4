import { sanitize, type DetectOptions, type PrivacyVault, type PrivateType, type SanitizedText } from "../../privacy";

/**
 * Extra sanitize rounds when the gate's check still finds something: a replacement can change
 * what the name rules see around it. The gate re-checks what is finally sent and blocks it
 * (fail closed) if anything is left after these rounds.
 */
const EXTRA_ROUNDS = 2;

export interface SanitizedParts {
  texts: SanitizedText[];
  /** Distinct placeholders in the texts, first seen first (never the values). */
  replaced: Array<{ placeholder: string; type: PrivateType }>;
}

/**
 * Sanitizes each part (instruction, sketch) in the conversation's vault, then asks `isClean`
 * (the gate's own check on the request these texts would form) and sanitizes again if needed.
 */
export function sanitizeForCloud(
  parts: readonly string[],
  vault: PrivacyVault,
  options: DetectOptions,
  isClean: (texts: readonly SanitizedText[]) => boolean,
): SanitizedParts {
  let results = parts.map((part) => sanitize(part, vault, options));
  for (let round = 0; round < EXTRA_ROUNDS && !isClean(results.map((r) => r.text)); round++) {
    results = results.map((r) => sanitize(r.text, vault, options));
  }
  const replaced = new Map<string, PrivateType>();
  for (const r of results) for (const { placeholder, type } of r.replaced) if (!replaced.has(placeholder)) replaced.set(placeholder, type);
  return { texts: results.map((r) => r.text), replaced: [...replaced].map(([placeholder, type]) => ({ placeholder, type })) };
}

/** Placeholder counts per type, as the privacy report shows them ("PERSON: 2"). */
export function countByType(replaced: SanitizedParts["replaced"]): Record<string, number> {
  const byType: Record<string, number> = {};
  for (const { type } of replaced) byType[type] = (byType[type] ?? 0) + 1;
  return byType;
}
