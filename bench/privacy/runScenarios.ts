import { PrivacyVault, registerContext, restore, sanitize } from "../../app/privacy";
import {
  headlineThroughput,
  measureCorpus,
  type DatasetResult,
  type LeakRecord,
  type RunOptions,
} from "./DatasetResult";
import { containsItem, prepareHaystack } from "./matchText";
import { roundTripOutcome, tallyRoundTrips, type RoundTripOutcome } from "./roundTrip";
import { scenarioLocale, scenarioParts, type Scenario } from "./scenarioSchema";
import { ratio, tallyLeaks, type Outcome } from "./tally";

interface ScenarioOutcome {
  leaks: Outcome[];
  inInput: number;
  publicKept: number;
  publicLost: string[];
  roundTrip: RoundTripOutcome;
  leakRecords: LeakRecord[];
  notRestored: LeakRecord[];
}

/**
 * One scenario: profile and context are registered as private context, then each of the three
 * parts is sanitized in the same vault (as the pipeline would, message after message).
 */
export function runScenario(s: Scenario, nlp: boolean): ScenarioOutcome {
  const vault = new PrivacyVault(`bench-${s.id}`);
  const options = { locale: scenarioLocale(s), nlp };
  registerContext(vault, s.profile, options);
  registerContext(vault, s.context, options);
  const input = scenarioParts(s).join("\n");
  const output = scenarioParts(s)
    .map((part) => sanitize(part, vault, options).text)
    .join("\n");
  const inHay = prepareHaystack(input);
  const outHay = prepareHaystack(output);
  const leaks = s.private.map((p) => ({ type: p.type, leaked: containsItem(outHay, p.text) }));
  const roundTrip = roundTripOutcome(input, output, restore(output, vault).text, s.private);
  return {
    leaks,
    inInput: s.private.filter((p) => containsItem(inHay, p.text)).length,
    publicKept: s.public.filter((phrase) => containsItem(outHay, phrase)).length,
    publicLost: s.public.filter((phrase) => !containsItem(outHay, phrase)),
    roundTrip,
    leakRecords: s.private.filter((_, i) => leaks[i]?.leaked).map((p) => record(s.id, p)),
    notRestored: roundTrip.lost.map((i) => record(s.id, s.private[i] ?? { text: "", type: "OTHER" })),
  };
}

function record(id: string, p: { text: string; type: string }): LeakRecord {
  return { record: id, type: p.type, length: p.text.length, text: p.text };
}

export function runScenarios(scenarios: readonly Scenario[], source: string, options: RunOptions): DatasetResult {
  const outcomes = scenarios.map((s) => runScenario(s, options.nlp));
  const leakTally = tallyLeaks(outcomes.flatMap((o) => o.leaks));
  const itemsInInput = outcomes.reduce((n, o) => n + o.inInput, 0);
  const publicPhrases = scenarios.reduce((n, s) => n + s.public.length, 0);
  const publicKept = outcomes.reduce((n, o) => n + o.publicKept, 0);
  const roundTrip = tallyRoundTrips(outcomes.map((o) => o.roundTrip));
  const throughput = measureCorpus(scenarios.flatMap(scenarioParts), options);
  return {
    dataset: "scenarios",
    source,
    records: scenarios.length,
    nlp: options.nlp,
    ...leakTally,
    itemsInInput,
    baselineLeakage: ratio(itemsInInput, leakTally.items),
    publicRetention: ratio(publicKept, publicPhrases),
    publicPhrases,
    publicKept,
    restoreRate: roundTrip.restoreRate,
    roundTrip,
    ...headlineThroughput(throughput),
    throughput,
    leaks: outcomes.flatMap((o) => o.leakRecords),
    notRestored: outcomes.flatMap((o) => o.notRestored),
    publicLost: scenarios.flatMap((s, i) =>
      (outcomes[i]?.publicLost ?? []).map((phrase) => ({ record: s.id, phrase })),
    ),
    notes: ["Our own invented scenarios (dev set); leaked values may be shown."],
  };
}
