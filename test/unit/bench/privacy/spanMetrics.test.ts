import { describe, expect, it } from "vitest";
import {
  covers,
  emptySpanTally,
  isCorrectPrediction,
  scoreSpans,
  summarizeSpans,
} from "../../../../bench/privacy/spanMetrics";

const gold = (type: string, start: number, end: number) => ({ type, start, end, value: "x".repeat(end - start) });

describe("covers", () => {
  it("accepts a prediction covering at least half of the gold span", () => {
    expect(covers({ type: "PERSON", start: 0, end: 5 }, gold("PERSON", 0, 10))).toBe(true);
    expect(covers({ type: "PERSON", start: 0, end: 4 }, gold("PERSON", 0, 10))).toBe(false);
  });
});

describe("isCorrectPrediction", () => {
  it("counts a piece of a split gold address as correct", () => {
    expect(isCorrectPrediction({ type: "ADDRESS", start: 0, end: 10 }, [gold("STREET_ADDRESS", 0, 60)])).toBe(true);
  });

  it("counts a prediction outside every gold span as wrong", () => {
    expect(isCorrectPrediction({ type: "PERSON", start: 70, end: 80 }, [gold("PERSON", 0, 10)])).toBe(false);
  });
});

describe("summarizeSpans", () => {
  it("reports recall per type, typed recall, groups and precision", () => {
    const tally = emptySpanTally();
    scoreSpans(
      tally,
      [gold("PERSON", 0, 10), gold("EMAIL_ADDRESS", 20, 40)],
      [
        { type: "ORG", start: 0, end: 10 },
        { type: "EMAIL", start: 20, end: 40 },
        { type: "PHONE", start: 50, end: 60 },
      ],
    );
    scoreSpans(tally, [gold("PERSON", 0, 6)], []);
    const s = summarizeSpans(tally);
    expect(s.byType.PERSON).toEqual({ gold: 2, found: 1, recall: 0.5, typedRecall: 0 });
    expect(s.byType.EMAIL_ADDRESS?.typedRecall).toBe(1);
    expect(s.groups.names).toEqual({ gold: 2, found: 1, recall: 0.5 });
    expect(s.groups.structured).toEqual({ gold: 1, found: 1, recall: 1 });
    expect(s.precisionByEngineType.PHONE).toEqual({ predicted: 1, correct: 0, precision: 0 });
    expect(s.precision).toBeCloseTo(2 / 3);
  });

  it("reports no recall for a group without gold spans rather than a perfect one", () => {
    expect(summarizeSpans(emptySpanTally()).groups.structured.recall).toBeNull();
  });
});
