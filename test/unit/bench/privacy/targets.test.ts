import { describe, expect, it } from "vitest";
import type { DatasetResult } from "../../../../bench/privacy/DatasetResult";
import { combineResults } from "../../../../bench/privacy/combineResults";
import { checkTargets } from "../../../../bench/privacy/targets";
import { formatMarkdown } from "../../../../bench/privacy/formatMarkdown";
import type { Throughput } from "../../../../bench/privacy/throughput";

const speed = (kbPerSecond: number, p95: number): Throughput => ({
  chunks: 1,
  bytes: 2048,
  kbPerSecond,
  p50MsPer2KB: p95 / 2,
  p95MsPer2KB: p95,
  cpu: { kbPerSecond, p95MsPer2KB: p95 },
});

function result(dataset: DatasetResult["dataset"], over: Partial<DatasetResult> = {}): DatasetResult {
  return {
    dataset,
    source: "x",
    records: 1,
    nlp: true,
    items: 100,
    leaked: 1,
    leakage: 0.01,
    byType: { PERSON: { items: 100, leaked: 1, leakage: 0.01 } },
    itemsInInput: 100,
    baselineLeakage: 1,
    publicRetention: null,
    publicPhrases: 0,
    publicKept: 0,
    restoreRate: 1,
    roundTrip: { items: 99, itemsRestored: 99, restoreRate: 1, texts: 1, exact: 1, exactRoundTripRate: 1 },
    kbPerSecond: 800,
    p50MsPer2KB: 1,
    p95MsPer2KB: 2,
    throughput: { nlp: speed(800, 2), noNlp: speed(2000, 1) },
    leaks: [],
    notRestored: [],
    notes: [],
    ...over,
  };
}

describe("checkTargets", () => {
  it("passes a run that meets every target", () => {
    expect(checkTargets(result("pupa")).every((c) => c.pass)).toBe(true);
  });

  it("reports each miss with how far it is from the target", () => {
    const checks = checkTargets(
      result("scenarios", { leakage: 0.065, publicRetention: 0.9, kbPerSecond: 320, p95MsPer2KB: 7.5 }),
    );
    const miss = Object.fromEntries(checks.filter((c) => c.pass === false).map((c) => [c.metric, c.missBy]));
    expect(miss).toEqual({
      leakage: "1.5 pp",
      "public-phrase retention": "5.0 pp",
      "throughput KB/s": "180 KB/s",
      "p95 ms per 2 KB": "2.50 ms",
    });
  });

  it("checks span recall for structured types and names on the Presidio set only", () => {
    const spans = {
      byType: {},
      precisionByEngineType: {},
      precision: 1,
      groups: {
        structured: { gold: 100, found: 97, recall: 0.97 },
        names: { gold: 100, found: 85, recall: 0.85 },
        addressesAndOtherIds: { gold: 0, found: 0, recall: null },
        organisationsAndPlaces: { gold: 100, found: 75, recall: 0.75 },
        outOfScope: { gold: 0, found: 0, recall: null },
      },
    };
    const checks = checkTargets(result("presidio", { spans }));
    expect(checks.find((c) => c.metric === "span recall, organisations and places")?.missBy).toBe("0.050");
    expect(checks.find((c) => c.metric === "span recall, structured")?.pass).toBe(true);
    expect(checks.find((c) => c.metric === "span recall, names")?.missBy).toBe("0.100");
    expect(checks.some((c) => c.metric === "leakage")).toBe(false);
  });

  it("marks a metric without data as not measured instead of passed", () => {
    expect(
      checkTargets(result("pupa", { restoreRate: null })).find((c) => c.metric === "restore rate")?.pass,
    ).toBeNull();
  });
});

describe("combineResults", () => {
  it("pools counts, keeps the worst throughput and prefixes types by dataset", () => {
    const report = combineResults([
      result("scenarios", { kbPerSecond: 300, p95MsPer2KB: 9 }),
      result("pupa", { leaked: 3 }),
    ]);
    expect(report).toMatchObject({
      items: 200,
      leaked: 4,
      leakage: 0.02,
      kbPerSecond: 300,
      p95MsPer2KB: 9,
      step5: "not run",
    });
    expect(Object.keys(report.byType)).toEqual(["scenarios/PERSON", "pupa/PERSON"]);
    expect(Object.keys(report.datasets)).toEqual(["scenarios", "pupa"]);
  });

  it("uses one dataset's own fields when only one ran", () => {
    expect(combineResults([result("pupa")]).byType).toHaveProperty("PERSON");
  });
});

describe("formatMarkdown", () => {
  it("prints one table row per target with PASS or the size of the miss", () => {
    const md = formatMarkdown([result("scenarios", { leakage: 0.08, leaked: 8 })]);
    expect(md).toContain("| scenarios | leakage | 8.0% (8/100) | ≤ 5.0% | **MISS** by 3.0 pp |");
    expect(md).toContain("| scenarios | restore rate | 100.0% | ≥ 99.0% | PASS |");
    expect(md).toContain(
      "| scenarios | 2 KB, 1 chunks | 800 KB/s, p50 1.00 ms, p95 2.00 ms (CPU time: 800 KB/s, p95 2.00 ms) | 2000 KB/s, p50 0.50 ms, p95 1.00 ms (CPU time: 2000 KB/s, p95 1.00 ms) |",
    );
  });
});
