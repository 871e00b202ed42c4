import { describe, expect, it } from "vitest";
import { progressSteps } from "../../../../renderer/src/lib/progressSteps";

const states = (steps: ReturnType<typeof progressSteps>) => steps.map((s) => `${s.label}:${s.state}`);

describe("progressSteps", () => {
  it("shows the whole sketch-refine plan with the latest step active and the rest pending", () => {
    expect(states(progressSteps("hybrid", "sketch-refine", ["context", "sketch"]))).toEqual([
      "Private context:done",
      "Local sketch:active",
      "Sanitizing:pending",
      "Cloud:pending",
      "Restoring:pending",
    ]);
  });

  it("names the cloud step an outline and writes locally in the cloud-outline strategy", () => {
    expect(states(progressSteps("hybrid", "cloud-outline", ["context", "sanitizing", "cloud"]))).toEqual([
      "Private context:done",
      "Sanitizing:done",
      "Cloud outline:active",
      "Writing locally:pending",
    ]);
  });

  it("marks the cloud step failed and the rest skipped after a fallback, with the fallback last", () => {
    expect(
      states(progressSteps("hybrid", "sketch-refine", ["context", "sketch", "sanitizing", "cloud", "fallback"])),
    ).toEqual([
      "Private context:done",
      "Local sketch:done",
      "Sanitizing:done",
      "Cloud:failed",
      "Restoring:skipped",
      "Cloud unavailable: answering locally:active",
    ]);
  });

  it("does not claim the cloud failed when the answer fell back before reaching it", () => {
    const steps = progressSteps("hybrid", "sketch-refine", ["context", "sketch", "fallback"]);
    expect(steps.find((s) => s.step === "cloud")?.state).toBe("skipped");
    expect(steps.find((s) => s.step === "sketch")?.state).toBe("done");
  });

  it("places a step outside the plan right after the step reported before it", () => {
    expect(
      progressSteps("hybrid", "sketch-refine", [
        "context",
        "sketch",
        "sanitizing",
        "cloud",
        "restoring",
        "local-write",
      ]).map((s) => s.step),
    ).toEqual(["context", "sketch", "sanitizing", "cloud", "restoring", "local-write"]);
    expect(progressSteps("cloud", "sketch-refine", ["context", "cloud"]).map((s) => s.step)).toEqual([
      "context",
      "cloud",
    ]);
  });

  it("marks everything reached as done once the answer finished", () => {
    expect(
      progressSteps("hybrid", "sketch-refine", ["context", "sketch", "sanitizing", "cloud", "restoring"], true).every(
        (s) => s.state === "done",
      ),
    ).toBe(true);
  });

  it("shows the plan, all pending, before the first step is reported", () => {
    expect(progressSteps("hybrid", "sketch-refine", []).map((s) => s.state)).toEqual([
      "pending",
      "pending",
      "pending",
      "pending",
      "pending",
    ]);
  });
});
