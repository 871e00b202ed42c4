import { PrivacyVault, sanitize } from "../../app/privacy";
import type { Halves } from "./HalfSummary";
import type { SpanSummary } from "./spanMetrics";
import type { Rate } from "./tally";
import type { RoundTripTally } from "./roundTrip";
import { chunkText, measureThroughput, type Throughput } from "./throughput";

export type DatasetName = "scenarios" | "pupa" | "presidio";

/** One leaking item, as much as may be shown: PUPA leaks carry no text (real user data). */
export interface LeakRecord {
  /** Scenario id, PUPA row number or Presidio sample index. */
  record: string;
  type: string;
  length: number;
  text?: string;
  /** PUPA only: the leaked occurrence masked (maskText), and how many occurrences were left. */
  mask?: string;
  left?: string;
}

/** Everything one dataset run reports; `--json` prints these fields (see docs/BENCHMARKS.md). */
export interface DatasetResult extends Rate {
  dataset: DatasetName;
  source: string;
  records: number;
  /** Whether step 4 (NLP) ran in the quality pass. Step 5 (local model) never runs here. */
  nlp: boolean;
  byType: Record<string, Rate>;
  /** Items readable in the unsanitized input (the rest cannot leak: see the dataset notes). */
  itemsInInput: number;
  /** Leakage if the input were sent unchanged: a sanity check of the matcher. */
  baselineLeakage: number | null;
  publicRetention: number | null;
  publicPhrases: number;
  publicKept: number;
  restoreRate: number | null;
  roundTrip: RoundTripTally;
  kbPerSecond: number | null;
  p50MsPer2KB: number | null;
  p95MsPer2KB: number | null;
  throughput: { nlp: Throughput | null; noNlp: Throughput };
  spans?: SpanSummary;
  byCategory?: Record<string, Rate>;
  leaks: LeakRecord[];
  /** Scenarios only: public phrases sanitize removed (over-redaction). */
  publicLost?: Array<{ record: string; phrase: string }>;
  /** Items sanitize removed but restore did not bring back. */
  notRestored: LeakRecord[];
  notes: string[];
  /** The dev set split in two (quality only, no throughput), side by side; see halves.ts. */
  halves?: Halves;
}

export interface RunOptions {
  nlp: boolean;
  /** Measured throughput passes after the warm-up pass. Default 3. */
  passes?: number;
  /** false = skip the throughput measurement (the halves measure quality only). Default true. */
  throughput?: boolean;
}

const NOT_MEASURED: Throughput = {
  chunks: 0,
  bytes: 0,
  kbPerSecond: null,
  p50MsPer2KB: null,
  p95MsPer2KB: null,
  cpu: { kbPerSecond: null, p95MsPer2KB: null },
};

/** Throughput with and without step 4 on `texts` cut into 2 KiB chunks, a fresh vault per chunk. */
export function measureCorpus(texts: readonly string[], options: RunOptions): DatasetResult["throughput"] {
  if (options.throughput === false) return { nlp: null, noNlp: NOT_MEASURED };
  const chunks = chunkText(texts.join("\n\n"));
  const run = (nlp: boolean) => (chunk: string) =>
    sanitize(chunk, new PrivacyVault("bench-throughput"), { locale: "en-US", nlp });
  return {
    nlp: options.nlp ? measureThroughput(chunks, run(true), options.passes) : null,
    noNlp: measureThroughput(chunks, run(false), options.passes),
  };
}

/** The headline throughput fields: the configuration the quality pass used. */
export function headlineThroughput(
  t: DatasetResult["throughput"],
): Pick<DatasetResult, "kbPerSecond" | "p50MsPer2KB" | "p95MsPer2KB"> {
  const main = t.nlp ?? t.noNlp;
  return { kbPerSecond: main.kbPerSecond, p50MsPer2KB: main.p50MsPer2KB, p95MsPer2KB: main.p95MsPer2KB };
}
