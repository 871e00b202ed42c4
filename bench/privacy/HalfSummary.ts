/** One half of a dev set, summarized (see halves.ts), and the pair reported side by side. */
export interface HalfSummary {
  label: string;
  records: number;
  items: number;
  leaked: number;
  leakage: number | null;
  /** Presidio: span recall over all gold spans; the others: items not leaked / items. */
  recall: number | null;
  publicRetention: number | null;
  restoreRate: number | null;
}

export type Halves = [HalfSummary, HalfSummary];
