import type { Answerer } from "../Answerer";
import { AnswerRun, type HybridDeps } from "./AnswerRun";
import { runCloudOutline } from "./runCloudOutline";
import { runDeps } from "./runDeps";
import { runSketchRefine } from "./runSketchRefine";

/**
 * Hybrid mode (issue #4): the strategy is read from settings for each answer — sketch-refine
 * (default) or cloud-outline. See runSketchRefine.ts and runCloudOutline.ts.
 */
export function createHybridAnswerer(deps: HybridDeps): Answerer {
  const shared = runDeps(deps, "hybrid");
  return (ctx) => {
    const strategy = deps.settings().hybridStrategy;
    const run = new AnswerRun(shared, ctx, "hybrid", strategy);
    return strategy === "cloud-outline"
      ? runCloudOutline(run, deps.contextTerms)
      : runSketchRefine(run, deps.contextTerms);
  };
}
