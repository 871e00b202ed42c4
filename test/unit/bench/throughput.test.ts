import { describe, expect, it } from "vitest";
import { chunkText, measureThroughput } from "../../../bench/privacy/throughput";
import { percentile, tallyLeaks } from "../../../bench/privacy/tally";

describe("chunkText", () => {
  it("keeps every chunk within the byte limit and loses no text", () => {
    const text = Array.from({ length: 900 }, (_, i) => `wörd${i}`).join(" ");
    const chunks = chunkText(text, 2048);
    expect(chunks.every((c) => Buffer.byteLength(c) <= 2048)).toBe(true);
    expect(chunks.join("")).toBe(text);
    expect(chunks.length).toBeGreaterThan(3);
  });

  it("cuts a long run without spaces at code points", () => {
    const chunks = chunkText("中".repeat(1000), 2048);
    expect(chunks.map((c) => Buffer.byteLength(c))).toEqual([2046, 954]);
  });
});

describe("measureThroughput", () => {
  it("runs a warm-up pass plus the measured passes and reports rates", () => {
    const seen: string[] = [];
    const t = measureThroughput(["a".repeat(2048), "b".repeat(100)], (c) => seen.push(c), 2);
    expect(seen).toHaveLength(6);
    expect(t.chunks).toBe(2);
    expect(t.bytes).toBe(2148);
    expect(t.kbPerSecond).toBeGreaterThan(0);
    expect(t.p95MsPer2KB).not.toBeNull();
  });
});

describe("percentile", () => {
  it("interpolates between ranks", () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 95)).toBeCloseTo(4.8);
    expect(percentile([], 50)).toBeNull();
  });
});

describe("tallyLeaks", () => {
  it("counts leakage overall and per type", () => {
    const t = tallyLeaks([
      { type: "PERSON", leaked: true },
      { type: "PERSON", leaked: false },
      { type: "IBAN", leaked: false },
    ]);
    expect(t).toMatchObject({ items: 3, leaked: 1 });
    expect(t.leakage).toBeCloseTo(1 / 3);
    expect(t.byType.PERSON).toEqual({ items: 2, leaked: 1, leakage: 0.5 });
  });
});
