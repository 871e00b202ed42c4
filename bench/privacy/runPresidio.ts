import { detect, PrivacyVault, restore, sanitize } from "../../app/privacy";
import { headlineThroughput, measureCorpus, type DatasetResult, type LeakRecord, type RunOptions } from "./DatasetResult";
import type { PresidioSample } from "./loadPresidio";
import { containsItem, prepareHaystack } from "./matchText";
import { roundTripOutcome, tallyRoundTrips } from "./roundTrip";
import { emptySpanTally, OUT_OF_SCOPE_TYPES, scoreSpans, summarizeSpans } from "./spanMetrics";
import { ratio, tallyLeaks, type Outcome } from "./tally";

/**
 * presidio-research synthetic set: span recall/precision from `detect`, leakage of the gold
 * entity values from `sanitize`, a fresh vault per sample. Synthetic data: values may be shown.
 */
export function runPresidio(samples: readonly PresidioSample[], source: string, options: RunOptions): DatasetResult {
  const tally = emptySpanTally();
  const outcomes: Array<Outcome & { inScope: boolean; inInput: boolean }> = [];
  const leaks: LeakRecord[] = [];
  const roundTrips = samples.map((s) => {
    const engineOptions = { locale: "en-US", nlp: options.nlp };
    scoreSpans(tally, s.spans, detect(s.text, new PrivacyVault(`bench-presidio-${s.index}`), engineOptions));
    const vault = new PrivacyVault(`bench-presidio-${s.index}`);
    const output = sanitize(s.text, vault, engineOptions).text;
    const inHay = prepareHaystack(s.text);
    const outHay = prepareHaystack(output);
    for (const g of s.spans) {
      const leaked = containsItem(outHay, g.value);
      const inScope = !OUT_OF_SCOPE_TYPES.includes(g.type);
      outcomes.push({ type: g.type, leaked, inScope, inInput: containsItem(inHay, g.value) });
      if (leaked && inScope) leaks.push({ record: `sample ${s.index}`, type: g.type, length: g.value.length, text: g.value });
    }
    return roundTripOutcome(s.text, output, restore(output, vault).text, s.spans.filter((g) => !OUT_OF_SCOPE_TYPES.includes(g.type)).map((g) => ({ text: g.value })));
  });
  const inScope = outcomes.filter((o) => o.inScope);
  const headline = tallyLeaks(inScope);
  const itemsInInput = inScope.filter((o) => o.inInput).length;
  const roundTrip = tallyRoundTrips(roundTrips);
  const throughput = measureCorpus(samples.map((s) => s.text), options);
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
    leaks,
    notes: [
      `Leakage counts in-scope entity values only; ${OUT_OF_SCOPE_TYPES.join(", ")} are listed per type but excluded (not private items in the sense of issue #3).`,
      "Span recall: a predicted span finds a gold span if it overlaps ≥ 50% of it, whatever its type; typedRecall also requires a matching type.",
      "Precision: a prediction is correct if it finds a gold span or lies ≥ 50% inside one; the set does not annotate everything (e.g. medical terms), so precision is a lower bound.",
    ],
  };
}
