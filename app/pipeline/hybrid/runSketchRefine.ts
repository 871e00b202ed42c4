import { TandemError } from "../../contract/errors";
import type { OutboundRequest } from "../../egress";
import { restore, type SanitizedText } from "../../privacy";
import type { MessageStage } from "../../contract/types";
import type { AnswerOutcome } from "../Answerer";
import { fallbackReason, type AnswerRun } from "./AnswerRun";
import { fallbackNotice } from "./buildPrivacyReport";
import { failedBeforeSending, type CloudRecord } from "./CloudRecord";
import type { ContextTermsSource } from "./ConversationVaults";
import { fillGaps } from "./fillGaps";
import { findGaps } from "./findGaps";
import { REFINE_REQUEST, REFINE_SYSTEM, SKETCH_INSTRUCTIONS } from "./hybridPrompts";
import { StreamRestorer } from "./StreamRestorer";

/**
 * Hybrid, sketch → refine (the default): the local model sketches the answer with the private
 * context; the sanitized instruction and sketch go through the gate to the cloud, whose answer
 * is restored on the device as it streams; gaps get a short local pass. If the cloud step fails
 * for an expected reason, the sketch becomes the answer (or, if the sketch is empty, the local
 * model answers on its own), with a notice saying why.
 */
export async function runSketchRefine(run: AnswerRun, contextTerms: ContextTermsSource): Promise<AnswerOutcome> {
  const { ctx } = run;
  const context = run.gatherContext();
  ctx.onProgress("sketch");
  const sketch = await run.generateLocally(SKETCH_INSTRUCTIONS, context.promptBlock, "sketch");
  const local = [
    context.stage,
    { kind: "sketch", content: sketch.text, meta: { tokens: sketch.tokens, stopReason: sketch.stopReason } } as const,
  ];
  if (sketch.stopReason === "aborted")
    return run.finish({
      stages: local,
      cloud: null,
      text: sketch.text,
      status: "stopped",
      stats: run.localStats(sketch),
    });
  const refined = await refine(run, local, sketch.text, context.promptBlock, contextTerms);
  if (refined.outcome) return refined.outcome;
  const { cloud } = refined;
  const reason = fallbackReason(cloud.failure);
  if (!reason) throw cloud.failure;
  ctx.onProgress("fallback");
  // A sketch the local model ended without writing says nothing: the local model answers on its
  // own instead, as cloud-outline's fallback does. Otherwise the sketch is the answer.
  const own = sketch.text.trim() ? null : await run.generateLocally(null, context.promptBlock, "answer");
  if (!own) run.emitAnswer(sketch.text);
  const answer = own ?? sketch;
  return run.finish({
    stages: [...local, ...cloud.stages],
    cloud,
    text: answer.text,
    status: answer.stopReason === "aborted" ? "stopped" : "done",
    stats: run.localStats(answer),
    fallback: reason,
    notice: fallbackNotice(reason, own ? "own" : "draft", cloud.sent !== null),
  });
}

type Refined = { outcome: AnswerOutcome; cloud?: undefined } | { outcome?: undefined; cloud: CloudRecord };

/** The cloud step and what follows it; an expected failure comes back in the record, for the fallback. */
async function refine(
  run: AnswerRun,
  local: ReadonlyArray<MessageStage | null>,
  sketch: string,
  contextBlock: string,
  contextTerms: ContextTermsSource,
): Promise<Refined> {
  const { ctx } = run;
  let cloud: CloudRecord | null = null;
  try {
    const provider = run.provider();
    ctx.onProgress("sanitizing");
    // Reloaded if another process saves the vault meanwhile: the restorer uses the one sent with.
    let vault = run.loadVault(contextTerms);
    const restorer = new StreamRestorer(() => vault, run.emitAnswer);
    let pieces = 0;
    const onText = (piece: string) => {
      pieces++;
      ctx.onText(piece, "cloud");
      restorer.push(piece);
    };
    const build = (texts: readonly SanitizedText[]) => refineMessages(texts[0]!, texts[1]!);
    cloud = await run.sendSanitized(provider, vault, [run.instruction, sketch], build, {
      maxTokens: ctx.maxTokens,
      onText,
      reloadVault: () => (vault = run.loadVault(contextTerms)),
    });
    const stages = [...local, ...cloud.stages];
    if (cloud.failure) return { cloud };
    if (!cloud.exchange)
      return { outcome: run.finish({ stages, cloud, text: sketch, status: "stopped", stats: null }) };
    const stats = run.cloudStats(cloud.exchange, pieces);
    if (cloud.exchange.finishReason === "aborted")
      return { outcome: run.finish({ stages, cloud, text: restorer.shown, status: "stopped", stats }) };
    restorer.finish();
    ctx.onProgress("restoring");
    const restored = restore(cloud.exchange.text, vault);
    const sent = cloud.sanitized?.replaced.map((r) => r.placeholder) ?? [];
    const { gaps, dropped } = findGaps(restored.text, restored.unresolved, sent, vault);
    const candidates = dropped.map((placeholder) => vault.get(placeholder)?.value ?? "").filter(Boolean);
    const fill = await fillGaps({
      model: ctx.model,
      contextBlock,
      text: restored.text,
      gaps,
      candidates,
      signal: ctx.signal,
    });
    const status = ctx.signal.aborted ? "stopped" : "done";
    return {
      outcome: run.finish({
        stages,
        cloud,
        text: fill.text,
        status,
        stats,
        unresolved: fill.unresolved,
        dropped,
        filled: fill.filled,
        localPassTokens: fill.tokens,
      }),
    };
  } catch (error) {
    // Before the request (no cloud set up) or after the answer came (restoring, filling gaps).
    if (!(error instanceof TandemError)) throw error;
    return { cloud: cloud ? { ...cloud, failure: error } : failedBeforeSending(error) };
  }
}

/**
 * The request: a constant system prompt, the sanitized instruction, the sanitized sketch as a
 * draft and a constant request to polish it. Earlier turns are not sent: the sketch was written
 * from the whole conversation, so it carries what the cloud needs, and less text leaves.
 */
function refineMessages(instruction: SanitizedText, sketch: SanitizedText): OutboundRequest["messages"] {
  const messages: OutboundRequest["messages"] = [
    { role: "system", content: REFINE_SYSTEM, constant: true },
    { role: "user", content: instruction },
  ];
  // An empty sketch (the local model stopped at once) leaves the cloud the instruction alone.
  if (sketch.trim())
    messages.push({ role: "assistant", content: sketch }, { role: "user", content: REFINE_REQUEST, constant: true });
  return messages;
}
