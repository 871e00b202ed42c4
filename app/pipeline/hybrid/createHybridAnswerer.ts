import type Database from "better-sqlite3";
import type { EgressGate } from "../../egress";
import type { Logger } from "../../logging/Logger";
import type { PrivateTerm } from "../../privacy";
import type { CloudProvider } from "../../providers/cloud";
import type { Answerer } from "../Answerer";
import type { LocalContextSource } from "../createPrivateAnswerer";
import { AnswerRun, type RunSettings } from "./AnswerRun";
import { runCloudOutline } from "./runCloudOutline";
import { runDeps } from "./runDeps";
import { runSketchRefine } from "./runSketchRefine";

export { createCloudAnswerer } from "./createCloudAnswerer";

export interface HybridDeps {
  /** better-sqlite3 connection (store.db): the vault and the audit log live here. */
  db: Database.Database;
  /** The one egress gate (it refuses everything in Offline mode). */
  gate: EgressGate;
  /** The provider for the current cloud settings; null = not set up (Hybrid answers locally, with a notice). */
  cloud(): CloudProvider | null;
  /**
   * Read for every answer. `locale` drives recognition of phones, dates, addresses; `cloudBaseUrl`
   * (optional) names the endpoint in the audit log and the report — the provider's host otherwise;
   * `thoroughModelCheck` (default true) runs step 5 with the local model.
   */
  settings(): RunSettings;
  /** Private context for the LOCAL model's prompts only; null = none. */
  context: LocalContextSource | null;
  /** Profile/document terms registered in the vault as context-derived before sanitizing. */
  contextTerms(conversationId: string): { terms: PrivateTerm[]; texts: string[] };
  /** Gets ids, sizes, timings and codes only. */
  logger: Logger;
}

/**
 * Hybrid mode (issue #4): the strategy is read from settings for each answer — sketch-refine
 * (default) or cloud-outline. See runSketchRefine.ts and runCloudOutline.ts.
 */
export function createHybridAnswerer(deps: HybridDeps): Answerer {
  const shared = runDeps(deps, "hybrid");
  return (ctx) => {
    const strategy = deps.settings().hybridStrategy;
    const run = new AnswerRun(shared, ctx, "hybrid", strategy);
    return strategy === "cloud-outline" ? runCloudOutline(run, deps.contextTerms) : runSketchRefine(run, deps.contextTerms);
  };
}
