import { describe, expect, it } from "vitest";
import { sketchToShow, withStep, withStreamText } from "../../../../renderer/src/stores/liveStages";

describe("live stages", () => {
  it("records each reported step once, in order, with the mode the answer started in", () => {
    let live = withStep(undefined, "hybrid", "context");
    live = withStep(live, "cloud", "sketch");
    live = withStep(live, "hybrid", "sketch");
    expect(live).toEqual({ mode: "hybrid", steps: ["context", "sketch"], streams: {} });
  });

  it("appends streamed text to its own stage and implies the step it belongs to", () => {
    let live = withStreamText(undefined, "hybrid", "sketch", "Dear ");
    live = withStreamText(live, "hybrid", "sketch", "Ada");
    live = withStreamText(live, "hybrid", "outline", "1. Greet");
    expect(live.streams).toEqual({ sketch: "Dear Ada", outline: "1. Greet" });
    expect(live.steps).toEqual(["sketch", "cloud"]);
  });

  it("shows a sketch the local model ended without writing as empty once the next step began", () => {
    // The stock tiny model does this now and then (2 of 80 Hybrid sketches in a probe): its end token first.
    let live = withStep(undefined, "hybrid", "context");
    live = withStep(live, "hybrid", "sketch");
    live = withStreamText(live, "hybrid", "sketch", "");
    expect(sketchToShow(live)).toBeNull();
    live = withStep(live, "hybrid", "sanitizing");
    expect(sketchToShow(live)).toBe("");
    live = withStreamText(live, "hybrid", "cloud", "Dear [PERSON_1]");
    expect(sketchToShow(live)).toBe("");
  });

  it("shows the sketch's text as it streams, and only blank space as empty", () => {
    let live = withStreamText(undefined, "hybrid", "sketch", " \n");
    expect(sketchToShow(live)).toBeNull();
    live = withStreamText(live, "hybrid", "sketch", "Dear Ada");
    expect(sketchToShow(live)).toBe(" \nDear Ada");
    const blank = withStep(withStreamText(undefined, "hybrid", "sketch", " \n"), "hybrid", "fallback");
    expect(sketchToShow(blank)).toBe("");
  });

  it("shows no sketch for the cloud-outline strategy, which writes none", () => {
    let live = withStep(undefined, "hybrid", "context");
    live = withStep(live, "hybrid", "sanitizing");
    live = withStreamText(live, "hybrid", "outline", "1. Greet");
    expect(sketchToShow(live)).toBeNull();
  });
});
