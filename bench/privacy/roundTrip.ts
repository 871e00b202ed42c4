import { containsItem, prepareHaystack } from "./matchText";

/**
 * The restore metrics of one sanitize → restore round trip (no cloud model in between).
 *
 * - restoreRate counts private ITEMS: of the items that were in the original and that
 *   sanitize removed, how many are readable again after restore. The vault restores an
 *   entity's canonical value ("Dr. Okafor" comes back as "Dr. Samuel Okafor"), which still
 *   contains the item, so this is the rate that matters to the user. A possessive or
 *   genitive ending is ignored ("Leas" counts as restored in "Lea Lehmanns").
 * - exactRoundTrip is stricter: restore(sanitize(x)) === x, counted over texts in which at
 *   least one placeholder was inserted. Canonical values and evasion forms ("a n n a") make
 *   it fail by design, so it is reported without a target.
 */
export interface RoundTripOutcome {
  /** Items present in the original and absent after sanitize. */
  removed: number;
  /** Of those, items present again after restore. */
  restored: number;
  /** null when sanitize replaced nothing (a trivial round trip is not counted). */
  exact: boolean | null;
  /** Indices (into `items`) of removed items that restore did not bring back. */
  lost: number[];
}

export function roundTripOutcome(
  original: string,
  sanitized: string,
  restored: string,
  items: readonly { text: string }[],
): RoundTripOutcome {
  const before = prepareHaystack(original);
  const after = prepareHaystack(sanitized);
  const back = prepareHaystack(restored);
  let removed = 0;
  const lost: number[] = [];
  items.forEach((item, index) => {
    if (!containsItem(before, item.text) || containsItem(after, item.text)) return;
    removed++;
    if (!containsItem(back, item.text) && !containsItem(back, withoutPossessive(item.text))) lost.push(index);
  });
  return {
    removed,
    restored: removed - lost.length,
    exact: sanitized === original ? null : restored === original,
    lost,
  };
}

/**
 * "Anna's" / German genitive "Annas" without the ending: restore writes the canonical value
 * ("Anna Lehmanns"), in which the item with its ending need not occur.
 */
export function withoutPossessive(item: string): string {
  const stem = item.replace(/['’]?s$/u, "");
  return stem.length >= 3 && stem !== item ? stem : item;
}

export interface RoundTripTally {
  items: number;
  itemsRestored: number;
  /** itemsRestored ÷ items; null when nothing was removed. */
  restoreRate: number | null;
  texts: number;
  exact: number;
  exactRoundTripRate: number | null;
}

export function tallyRoundTrips(outcomes: readonly RoundTripOutcome[]): RoundTripTally {
  const items = outcomes.reduce((n, o) => n + o.removed, 0);
  const itemsRestored = outcomes.reduce((n, o) => n + o.restored, 0);
  const counted = outcomes.filter((o) => o.exact !== null);
  const exact = counted.filter((o) => o.exact).length;
  return {
    items,
    itemsRestored,
    restoreRate: items === 0 ? null : itemsRestored / items,
    texts: counted.length,
    exact,
    exactRoundTripRate: counted.length === 0 ? null : exact / counted.length,
  };
}
