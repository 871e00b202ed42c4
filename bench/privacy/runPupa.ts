import { PrivacyVault, restore, sanitize } from "../../app/privacy";
import {
  headlineThroughput,
  measureCorpus,
  type DatasetResult,
  type LeakRecord,
  type RunOptions,
} from "./DatasetResult";
import type { PupaRow } from "./loadPupa";
import { countOccurrences, maskOccurrence } from "./maskText";
import { containsItem, prepareHaystack } from "./matchText";
import { roundTripOutcome, tallyRoundTrips, type RoundTripOutcome } from "./roundTrip";
import { ratio, sortKeys, tallyLeaks, type Outcome, type Rate } from "./tally";

/**
 * PUPA rows 0–299 (dev/train part): `user_query` sanitized with a fresh vault per row; an
 * item is a non-empty `pii_units` entry. Real user prompts: results carry row numbers, unit
 * kinds, lengths and masks (maskText) only — never text.
 */
interface UnitOutcome extends Outcome {
  category: string;
  inInput: boolean;
  leak?: LeakRecord;
}

function runRow(
  r: PupaRow,
  nlp: boolean,
): { units: UnitOutcome[]; roundTrip: RoundTripOutcome; notRestored: LeakRecord[] } {
  const vault = new PrivacyVault(`bench-pupa-${r.row}`);
  const output = sanitize(r.query, vault, { locale: "en-US", nlp }).text;
  const inHay = prepareHaystack(r.query);
  const outHay = prepareHaystack(output);
  const units = r.units.map((u) => {
    const leaked = containsItem(outHay, u.text);
    const leak = leaked
      ? {
          record: `row ${r.row}`,
          type: u.kind,
          length: u.text.length,
          mask: maskOccurrence(output, u.text),
          left: `${countOccurrences(output, u.text)}/${countOccurrences(r.query, u.text)}`,
        }
      : undefined;
    return { type: u.kind, leaked, category: r.category, inInput: containsItem(inHay, u.text), leak };
  });
  const roundTrip = roundTripOutcome(r.query, output, restore(output, vault).text, r.units);
  const notRestored = roundTrip.lost.map((i) => ({
    record: `row ${r.row}`,
    type: r.units[i]?.kind ?? "?",
    length: r.units[i]?.text.length ?? 0,
  }));
  return { units, roundTrip, notRestored };
}

export function runPupa(rows: readonly PupaRow[], source: string, options: RunOptions): DatasetResult {
  const perRow = rows.map((r) => runRow(r, options.nlp));
  const outcomes = perRow.flatMap((o) => o.units);
  const leakTally = tallyLeaks(outcomes);
  const itemsInInput = outcomes.filter((o) => o.inInput).length;
  const roundTrip = tallyRoundTrips(perRow.map((o) => o.roundTrip));
  const throughput = measureCorpus(
    rows.map((r) => r.query),
    options,
  );
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
    leaks: outcomes.flatMap((o) => (o.leak ? [o.leak] : [])),
    notRestored: perRow.flatMap((o) => o.notRestored),
    notes: [
      `${outcomes.filter((o) => o.type === "presidio_placeholder").length} units are WildChat's Presidio placeholders (e.g. presidio_anonymized_person); they count as units (type presidio_placeholder).`,
      `${leakTally.items - itemsInInput} units are not readable in user_query at all, so they cannot leak; leakage is still over all ${leakTally.items} units.`,
      "Units carry no types: byType groups them by shape (one_word, multi_word, number, email, url, non_latin). Real user data: leaks show row, shape, length and a letter/digit mask only.",
    ],
  };
}

function byCategory(outcomes: ReadonlyArray<Outcome & { category: string }>): Record<string, Rate> {
  const groups: Record<string, Outcome[]> = {};
  for (const o of outcomes) (groups[o.category] ??= []).push(o);
  return sortKeys(
    Object.fromEntries(
      Object.entries(groups).map(([c, os]) => {
        const { items, leaked, leakage } = tallyLeaks(os);
        return [c, { items, leaked, leakage }];
      }),
    ),
  );
}
