import { describe, expect, it } from "vitest";
import { withStep, withStreamText } from "../../../../renderer/src/stores/liveStages";

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
});
