import { describe, expect, it } from "vitest";
import { chunkText, measureThroughput, MIN_TIMED_CHUNKS } from "../../../../bench/privacy/throughput";
import { percentile, tallyLeaks } from "../../../../bench/privacy/tally";

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
  it("runs a warm-up pass plus the measured passes when the corpus is large enough", () => {
    let calls = 0;
    measureThroughput(
      Array.from({ length: MIN_TIMED_CHUNKS }, () => "x"),
      () => calls++,
      2,
    );
    expect(calls).toBe(MIN_TIMED_CHUNKS * 3);
  });

  it("repeats a small corpus until enough chunks are timed, and reports rates", () => {
    let calls = 0;
    const t = measureThroughput(["a".repeat(2048), "b".repeat(100)], () => calls++, 2);
    expect(calls).toBe(2 + MIN_TIMED_CHUNKS);
    expect(t.chunks).toBe(2);
    expect(t.bytes).toBe(2148);
    expect(t.kbPerSecond).toBeGreaterThan(0);
    expect(t.p95MsPer2KB).not.toBeNull();
  });

  it("reports CPU-time rates next to wall-time rates", () => {
    const busy = () => {
      const until = performance.now() + 0.2;
      while (performance.now() < until);
    };
    const t = measureThroughput(["a".repeat(2048)], busy, 1);
    expect(t.cpu.kbPerSecond).toBeGreaterThan(0);
    expect(t.cpu.p95MsPer2KB).toBeGreaterThan(0);
  });

  it("reports no rates for an empty corpus", () => {
    expect(measureThroughput([], () => 0).kbPerSecond).toBeNull();
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
