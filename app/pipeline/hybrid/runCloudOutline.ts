import type { OutboundRequest } from "../../egress";
import { restore, type SanitizedText } from "../../privacy";
import type { AnswerOutcome } from "../Answerer";
import { fallbackReason, type AnswerRun } from "./AnswerRun";
import { fallbackNotice } from "./buildPrivacyReport";
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
}

/**
 * Hybrid, cloud outline → local write (CoGenesis's sketch variant): the cloud sees only the
 * sanitized instruction and returns an outline; the local model writes the answer from it with
 * the private context. If the cloud step fails, the local model answers on its own.
 */
export async function runCloudOutline(run: AnswerRun, contextTerms: ContextTermsSource): Promise<AnswerOutcome> {
  const { ctx } = run;
  const contextBlock = run.gatherContext();
  let outline: Outline;
  try {
    outline = await askOutline(run, contextTerms);
  } catch (error) {
    const reason = fallbackReason(error);
    if (!reason) throw error;
    ctx.onProgress("fallback");
    const answer = await run.generateLocally(null, contextBlock, "answer");
    const notice = fallbackNotice(reason, "cloud-outline", run.sent !== null);
    return run.finish({ text: answer.text, status: answer.stopReason === "aborted" ? "stopped" : "done", stats: run.localStats(answer), fallback: reason, notice });
  }
  // Stopped while the outline streamed: the outline so far is what the user saw.
  if (outline.stopped) return run.finish({ text: outline.text, status: "stopped", stats: null, unresolved: outline.unresolved });
  ctx.onProgress("local-write");
  const planned = fitToTokens(outline.text, Math.floor(ctx.model.contextSize * OUTLINE_PROMPT_SHARE), (t) => ctx.model.countTokens(t));
  const answer = await run.generateLocally(followOutlineInstructions(planned), contextBlock, "answer");
  const status = answer.stopReason === "aborted" ? "stopped" : "done";
  return run.finish({ text: answer.text, status, stats: run.localStats(answer), unresolved: outline.unresolved });
}

async function askOutline(run: AnswerRun, contextTerms: ContextTermsSource): Promise<Outline> {
  const { ctx } = run;
  const provider = run.provider();
  ctx.onProgress("sanitizing");
  const vault = run.loadVault(contextTerms);
  // The outline is shown restored (real values, on the device); the cloud stage keeps it as received.
  const restorer = new StreamRestorer(vault, (piece) => ctx.onText(piece, "outline"));
  const build = (texts: readonly SanitizedText[]): OutboundRequest["messages"] => [{ role: "system", content: OUTLINE_SYSTEM, constant: true }, { role: "user", content: texts[0]! }];
  const maxTokens = Math.min(ctx.maxTokens, OUTLINE_MAX_TOKENS);
  const exchange = await run.sendSanitized(provider, vault, [run.instruction], build, { maxTokens, onText: (piece) => restorer.push(piece) });
  if (!exchange) return { text: "", stopped: true, unresolved: [] };
  if (exchange.finishReason === "aborted") return { text: restorer.shown, stopped: true, unresolved: [] };
  restorer.finish();
  const restored = restore(exchange.text, vault);
  run.stages.push({ kind: "outline", content: restored.text, meta: { unresolved: restored.unresolved } });
  return { text: restored.text, stopped: false, unresolved: restored.unresolved };
}
