import { PrivacyVault, restore, sanitize } from "../../app/privacy";
import { headlineThroughput, measureCorpus, type DatasetResult, type RunOptions } from "./DatasetResult";
import type { PupaRow } from "./loadPupa";
import { containsItem, prepareHaystack } from "./matchText";
import { roundTripOutcome, tallyRoundTrips } from "./roundTrip";
import { ratio, sortKeys, tallyLeaks, type Outcome, type Rate } from "./tally";

/**
 * PUPA rows 0–299 (dev/train part): `user_query` sanitized with a fresh vault per row; an
 * item is a non-empty `pii_units` entry. Real user prompts: results carry row numbers, unit
 * kinds and lengths only — never text.
 */
export function runPupa(rows: readonly PupaRow[], source: string, options: RunOptions): DatasetResult {
  const outcomes: Array<Outcome & { row: number; category: string; length: number; inInput: boolean }> = [];
  const roundTrips = rows.map((r) => {
    const vault = new PrivacyVault(`bench-pupa-${r.row}`);
    const output = sanitize(r.query, vault, { locale: "en-US", nlp: options.nlp }).text;
    const inHay = prepareHaystack(r.query);
    const outHay = prepareHaystack(output);
    for (const u of r.units) {
      outcomes.push({ type: u.kind, leaked: containsItem(outHay, u.text), row: r.row, category: r.category, length: u.text.length, inInput: containsItem(inHay, u.text) });
    }
    return roundTripOutcome(r.query, output, restore(output, vault).text, r.units);
  });
  const leakTally = tallyLeaks(outcomes);
  const itemsInInput = outcomes.filter((o) => o.inInput).length;
  const roundTrip = tallyRoundTrips(roundTrips);
  const throughput = measureCorpus(rows.map((r) => r.query), options);
  return {
    dataset: "pupa",
    source,
    records: rows.length,
    nlp: options.nlp,
    ...leakTally,
    itemsInInput,
    baselineLeakage: ratio(itemsInInput, leakTally.items),
    publicRetention: null,
    publicPhrases: 0,
    publicKept: 0,
    restoreRate: roundTrip.restoreRate,
    roundTrip,
    ...headlineThroughput(throughput),
    throughput,
    byCategory: byCategory(outcomes),
    leaks: outcomes.filter((o) => o.leaked).map((o) => ({ record: `row ${o.row}`, type: o.type, length: o.length })),
    notes: [
      `${outcomes.filter((o) => o.type === "presidio_placeholder").length} units are WildChat's Presidio placeholders (e.g. presidio_anonymized_person); they count as units (type presidio_placeholder).`,
      `${leakTally.items - itemsInInput} units are not readable in user_query at all, so they cannot leak; leakage is still over all ${leakTally.items} units.`,
      "Units carry no types: byType groups them by shape (one_word, multi_word, number, email, url, non_latin).",
    ],
  };
}

function byCategory(outcomes: ReadonlyArray<Outcome & { category: string }>): Record<string, Rate> {
  const groups: Record<string, Outcome[]> = {};
  for (const o of outcomes) (groups[o.category] ??= []).push(o);
  return sortKeys(Object.fromEntries(Object.entries(groups).map(([c, os]) => {
    const { items, leaked, leakage } = tallyLeaks(os);
    return [c, { items, leaked, leakage }];
  })));
}
