import { TandemError } from "../../contract/errors";
import type { MessageStage } from "../../contract/types";
import type { OutboundRequest } from "../../egress";
import { restore, type SanitizedText } from "../../privacy";
import type { AnswerOutcome } from "../Answerer";
import { fallbackReason, type AnswerRun } from "./AnswerRun";
import { fallbackNotice } from "./buildPrivacyReport";
import { failedBeforeSending, type CloudRecord } from "./CloudRecord";
import type { ContextTermsSource } from "./ConversationVaults";
import { fitToTokens } from "./fitToTokens";
import { followOutlineInstructions, OUTLINE_SYSTEM } from "./hybridPrompts";
import { StreamRestorer } from "./StreamRestorer";

/** An outline is a plan, not an answer: this many tokens are plenty and keep the cloud call short. */
export const OUTLINE_MAX_TOKENS = 400;
/** Share of the local model's context the outline may take in its prompt (next to the private context). */
const OUTLINE_PROMPT_SHARE = 0.2;

interface Outline {
  text: string;
  stopped: boolean;
  unresolved: string[];
  /** The `outline` stage (restored), when one came. */
  stage: MessageStage | null;
}

/**
 * Hybrid, cloud outline → local write (CoGenesis's sketch variant): the cloud sees only the
 * sanitized instruction and returns an outline; the local model writes the answer from it with
 * the private context. If the cloud step fails, the local model answers on its own.
 */
export async function runCloudOutline(run: AnswerRun, contextTerms: ContextTermsSource): Promise<AnswerOutcome> {
  const { ctx } = run;
  const context = run.gatherContext();
  const { cloud, outline } = await askOutline(run, contextTerms);
  const stages = [context.stage, ...cloud.stages, outline?.stage ?? null];
  if (!outline) {
    const reason = fallbackReason(cloud.failure);
    if (!reason) throw cloud.failure;
    ctx.onProgress("fallback");
    const answer = await run.generateLocally(null, context.promptBlock, "answer");
    const notice = fallbackNotice(reason, "own", cloud.sent !== null);
    return run.finish({
      stages,
      cloud,
      text: answer.text,
      status: answer.stopReason === "aborted" ? "stopped" : "done",
      stats: run.localStats(answer),
      fallback: reason,
      notice,
    });
  }
  if (outline.stopped)
    return run.finish({
      stages,
      cloud,
      text: outline.text,
      status: "stopped",
      stats: null,
      unresolved: outline.unresolved,
    });
  ctx.onProgress("local-write");
  const planned = fitToTokens(outline.text, Math.floor(ctx.model.contextSize * OUTLINE_PROMPT_SHARE), (t) =>
    ctx.model.countTokens(t),
  );
  const answer = await run.generateLocally(followOutlineInstructions(planned), context.promptBlock, "answer");
  const status = answer.stopReason === "aborted" ? "stopped" : "done";
  return run.finish({
    stages,
    cloud,
    text: answer.text,
    status,
    stats: run.localStats(answer),
    unresolved: outline.unresolved,
  });
}

/** The cloud step; `outline` is null when it failed for an expected reason (then in `cloud.failure`). */
async function askOutline(
  run: AnswerRun,
  contextTerms: ContextTermsSource,
): Promise<{ cloud: CloudRecord; outline: Outline | null }> {
  const { ctx } = run;
  try {
    const provider = run.provider();
    ctx.onProgress("sanitizing");
    // Reloaded if another process saves the vault meanwhile: the restorer uses the one sent with.
    let vault = run.loadVault(contextTerms);
    const restorer = new StreamRestorer(
      () => vault,
      (piece) => ctx.onText(piece, "outline"),
    );
    const build = (texts: readonly SanitizedText[]): OutboundRequest["messages"] => [
      { role: "system", content: OUTLINE_SYSTEM, constant: true },
      { role: "user", content: texts[0]! },
    ];
    const maxTokens = Math.min(ctx.maxTokens, OUTLINE_MAX_TOKENS);
    const cloud = await run.sendSanitized(provider, vault, [run.instruction], build, {
      maxTokens,
      onText: (piece) => restorer.push(piece),
      reloadVault: () => (vault = run.loadVault(contextTerms)),
    });
    if (cloud.failure) return { cloud, outline: null };
    if (!cloud.exchange) return { cloud, outline: { text: "", stopped: true, unresolved: [], stage: null } };
    if (cloud.exchange.finishReason === "aborted")
      return { cloud, outline: { text: restorer.shown, stopped: true, unresolved: [], stage: null } };
    restorer.finish();
    const restored = restore(cloud.exchange.text, vault);
    const stage: MessageStage = { kind: "outline", content: restored.text, meta: { unresolved: restored.unresolved } };
    return { cloud, outline: { text: restored.text, stopped: false, unresolved: restored.unresolved, stage } };
  } catch (error) {
    // Before the request: no cloud set up.
    if (!(error instanceof TandemError)) throw error;
    return { cloud: failedBeforeSending(error), outline: null };
  }
}
