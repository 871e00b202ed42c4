import { sanitize, type DetectOptions, type PrivacyVault, type PrivateType, type SanitizedText } from "../../privacy";

export interface SanitizedParts {
  texts: SanitizedText[];
  /** Distinct placeholders in the texts, first seen first (never the values). */
  replaced: Array<{ placeholder: string; type: PrivateType }>;
}

/** Sanitizes each part (instruction, sketch) in the conversation's vault. */
export function sanitizeForCloud(parts: readonly string[], vault: PrivacyVault, options: DetectOptions): SanitizedParts {
  const results = parts.map((part) => sanitize(part, vault, options));
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
