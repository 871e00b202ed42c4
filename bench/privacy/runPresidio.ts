import { detect, PrivacyVault, restore, sanitize } from "../../app/privacy";
import {
  headlineThroughput,
  measureCorpus,
  type DatasetResult,
  type LeakRecord,
  type RunOptions,
} from "./DatasetResult";
import type { GoldSpan, PresidioSample } from "./loadPresidio";
import { containsItem, prepareHaystack } from "./matchText";
import { roundTripOutcome, tallyRoundTrips, type RoundTripOutcome } from "./roundTrip";
import { emptySpanTally, OUT_OF_SCOPE_TYPES, scoreSpans, summarizeSpans, type SpanTally } from "./spanMetrics";
import { ratio, tallyLeaks, type Outcome } from "./tally";

/**
 * presidio-research synthetic set: span recall/precision from `detect`, leakage of the gold
 * entity values from `sanitize`, a fresh vault per sample. Synthetic data: values may be shown.
 */
interface SampleOutcome {
  outcomes: Array<Outcome & { inScope: boolean; inInput: boolean }>;
  leaks: LeakRecord[];
  roundTrip: RoundTripOutcome;
  notRestored: LeakRecord[];
}

const inScope = (g: GoldSpan) => !OUT_OF_SCOPE_TYPES.includes(g.type);
const record = (s: PresidioSample, g: GoldSpan): LeakRecord => ({
  record: `sample ${s.index}`,
  type: g.type,
  length: g.value.length,
  text: g.value,
});

function runSample(s: PresidioSample, tally: SpanTally, nlp: boolean): SampleOutcome {
  const options = { locale: "en-US", nlp };
  scoreSpans(tally, s.spans, detect(s.text, new PrivacyVault(`bench-presidio-${s.index}`), options));
  const vault = new PrivacyVault(`bench-presidio-${s.index}`);
  const output = sanitize(s.text, vault, options).text;
  const inHay = prepareHaystack(s.text);
  const outHay = prepareHaystack(output);
  const outcomes = s.spans.map((g) => ({
    type: g.type,
    leaked: containsItem(outHay, g.value),
    inScope: inScope(g),
    inInput: containsItem(inHay, g.value),
  }));
  const items = s.spans.filter(inScope);
  const roundTrip = roundTripOutcome(
    s.text,
    output,
    restore(output, vault).text,
    items.map((g) => ({ text: g.value })),
  );
  return {
    outcomes,
    leaks: s.spans.filter((g, i) => outcomes[i]?.leaked && inScope(g)).map((g) => record(s, g)),
    roundTrip,
    notRestored: roundTrip.lost.flatMap((i) => (items[i] ? [record(s, items[i])] : [])),
  };
}

export function runPresidio(samples: readonly PresidioSample[], source: string, options: RunOptions): DatasetResult {
  const tally = emptySpanTally();
  const perSample = samples.map((s) => runSample(s, tally, options.nlp));
  const outcomes = perSample.flatMap((o) => o.outcomes);
  const headline = tallyLeaks(outcomes.filter((o) => o.inScope));
  const itemsInInput = outcomes.filter((o) => o.inScope && o.inInput).length;
  const roundTrip = tallyRoundTrips(perSample.map((o) => o.roundTrip));
  const throughput = measureCorpus(
    samples.map((s) => s.text),
    options,
  );
  return {
    dataset: "presidio",
    source,
    records: samples.length,
    nlp: options.nlp,
    ...headline,
    byType: tallyLeaks(outcomes).byType,
    itemsInInput,
    baselineLeakage: ratio(itemsInInput, headline.items),
    publicRetention: null,
    publicPhrases: 0,
    publicKept: 0,
    restoreRate: roundTrip.restoreRate,
    roundTrip,
    ...headlineThroughput(throughput),
    throughput,
    spans: summarizeSpans(tally),
    leaks: perSample.flatMap((o) => o.leaks),
    notRestored: perSample.flatMap((o) => o.notRestored),
    notes: [
      `Leakage counts in-scope entity values only; ${OUT_OF_SCOPE_TYPES.join(", ")} are listed per type but excluded (not private items in the sense of issue #3).`,
      "Span recall: a predicted span finds a gold span if it overlaps ≥ 50% of it, whatever its type; typedRecall also requires a matching type.",
      "Precision: a prediction is correct if it finds a gold span or lies ≥ 50% inside one; the set does not annotate everything (e.g. medical terms), so precision is a lower bound.",
    ],
  };
}
