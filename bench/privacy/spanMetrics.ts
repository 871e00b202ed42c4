import type { GoldSpan } from "./loadPresidio";
import { ratio, sortKeys } from "./tally";

/**
 * Span recall/precision on the Presidio set. A predicted span finds a gold span when it
 * overlaps at least half of the gold span (issue #3). Recall ignores the predicted type (a
 * placeholder protects the value whatever its label); `typedRecall` also requires a matching type.
 */
export interface PredictedSpan {
  /** Engine type (PERSON, ORG, …). */
  type: string;
  start: number;
  end: number;
}

/** Engine types that count as the same kind of thing as each Presidio type. */
export const ENGINE_TYPES_FOR: Record<string, readonly string[]> = {
  PERSON: ["PERSON"],
  ORGANIZATION: ["ORG"],
  GPE: ["LOCATION", "ADDRESS"],
  STREET_ADDRESS: ["ADDRESS", "LOCATION"],
  ZIP_CODE: ["ADDRESS"],
  EMAIL_ADDRESS: ["EMAIL"],
  PHONE_NUMBER: ["PHONE"],
  CREDIT_CARD: ["CARD"],
  IBAN_CODE: ["IBAN"],
  IP_ADDRESS: ["IP"],
  DOMAIN_NAME: ["URL"],
  US_SSN: ["ID"],
  US_DRIVER_LICENSE: ["ID"],
  AGE: ["AGE"],
  DATE_TIME: ["DATE_OF_BIRTH"],
  TITLE: [],
  NRP: [],
};

/**
 * Groups with targets. "structured" = identifiers a validator or strict pattern can confirm;
 * street addresses, zip codes, ages and driver licences are pattern-only and reported apart.
 * DATE_TIME (any date), TITLE (job titles, "Dr.") and NRP (nationalities) are not private
 * items in the sense (only dates of birth are), so they are out of scope for leakage.
 */
export const SPAN_GROUPS = {
  structured: ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN", "DOMAIN_NAME"],
  names: ["PERSON"],
  addressesAndOtherIds: ["STREET_ADDRESS", "ZIP_CODE", "AGE", "US_DRIVER_LICENSE"],
  organisationsAndPlaces: ["ORGANIZATION", "GPE"],
  outOfScope: ["DATE_TIME", "TITLE", "NRP"],
} as const;

export const OUT_OF_SCOPE_TYPES: readonly string[] = SPAN_GROUPS.outOfScope;

export function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Does `pred` cover at least half of `gold`? */
export function covers(pred: PredictedSpan, gold: GoldSpan): boolean {
  return overlap(pred, gold) >= 0.5 * (gold.end - gold.start);
}

/** A prediction is correct when it finds a gold span or lies mostly inside one (a split address). */
export function isCorrectPrediction(pred: PredictedSpan, gold: readonly GoldSpan[]): boolean {
  return gold.some((g) => covers(pred, g) || overlap(pred, g) >= 0.5 * (pred.end - pred.start));
}

export interface SpanTally {
  recall: Record<string, { gold: number; found: number; foundTyped: number }>;
  precision: Record<string, { predicted: number; correct: number }>;
}

export function emptySpanTally(): SpanTally {
  return { recall: {}, precision: {} };
}

/** Adds one sample's gold and predicted spans to the tally. */
export function scoreSpans(tally: SpanTally, gold: readonly GoldSpan[], preds: readonly PredictedSpan[]): void {
  for (const g of gold) {
    const r = (tally.recall[g.type] ??= { gold: 0, found: 0, foundTyped: 0 });
    const hits = preds.filter((p) => covers(p, g));
    r.gold++;
    if (hits.length > 0) r.found++;
    if (hits.some((p) => (ENGINE_TYPES_FOR[g.type] ?? []).includes(p.type))) r.foundTyped++;
  }
  for (const p of preds) {
    const q = (tally.precision[p.type] ??= { predicted: 0, correct: 0 });
    q.predicted++;
    if (isCorrectPrediction(p, gold)) q.correct++;
  }
}

export interface SpanSummary {
  byType: Record<string, { gold: number; found: number; recall: number | null; typedRecall: number | null }>;
  groups: Record<keyof typeof SPAN_GROUPS, { gold: number; found: number; recall: number | null }>;
  precisionByEngineType: Record<string, { predicted: number; correct: number; precision: number | null }>;
  precision: number | null;
}

export function summarizeSpans(tally: SpanTally): SpanSummary {
  const byType = Object.fromEntries(
    Object.entries(tally.recall).map(([t, r]) => [
      t,
      { gold: r.gold, found: r.found, recall: ratio(r.found, r.gold), typedRecall: ratio(r.foundTyped, r.gold) },
    ]),
  );
  const groups = Object.fromEntries(
    Object.entries(SPAN_GROUPS).map(([name, types]) => {
      const gold = types.reduce((n, t) => n + (tally.recall[t]?.gold ?? 0), 0);
      const found = types.reduce((n, t) => n + (tally.recall[t]?.found ?? 0), 0);
      return [name, { gold, found, recall: ratio(found, gold) }];
    }),
  ) as SpanSummary["groups"];
  const precisionByEngineType = Object.fromEntries(
    Object.entries(tally.precision).map(([t, q]) => [t, { ...q, precision: ratio(q.correct, q.predicted) }]),
  );
  const predicted = Object.values(tally.precision).reduce((n, q) => n + q.predicted, 0);
  const correct = Object.values(tally.precision).reduce((n, q) => n + q.correct, 0);
  return {
    byType: sortKeys(byType),
    groups,
    precisionByEngineType: sortKeys(precisionByEngineType),
    precision: ratio(correct, predicted),
  };
}
