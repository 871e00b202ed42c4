import { describe, expect, it } from "vitest";
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS, backoffDelay } from "../../../../renderer/src/api/backoffDelay";

describe("backoffDelay", () => {
  it("doubles from half a second and never waits more than ten seconds", () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, noJitter))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(50, noJitter)).toBe(BACKOFF_MAX_MS);
  });

  it("shortens a delay by at most a fifth so reconnecting tabs spread out", () => {
    expect(backoffDelay(0, () => 0.999)).toBeGreaterThanOrEqual(BACKOFF_MIN_MS * 0.8);
    expect(backoffDelay(0, () => 0.5)).toBe(450);
  });
});
