import { TandemError, toErrorData, type ErrorData } from "../../contract/errors";
import type { Answerer, AnswerOutcome } from "../Answerer";
import { AnswerRun, type HybridDeps } from "../hybrid/AnswerRun";
import { CLOUD_SYSTEM } from "../hybrid/hybridPrompts";
import { runDeps } from "../hybrid/runDeps";
import { cloudHistory } from "./cloudHistory";

/**
 * Cloud mode: plain chat with the cloud model, the user's messages as written and NO private
 * context (a notice says so). Every request still passes the egress gate, through its one
 * unsanitized door (`dangerouslySendUnsanitized`): not blocked (the user chose to send it), but
 * recorded with what the re-scan found. In Offline mode (the gate refuses) the local model answers, with a notice — as the
 * banner, the composer and the README promise. Any other failure throws its TandemError, so the
 * message is marked "error" with that message.
 */
export function createCloudAnswerer(deps: Omit<HybridDeps, "context" | "contextTerms">): Answerer {
  const shared = runDeps({ ...deps, context: null }, "cloud");
  return async (ctx) => {
    const run = new AnswerRun(shared, ctx, "cloud", null);
    const provider = run.provider();
    const vault = run.loadVault(null);
    const { messages, skipped } = cloudHistory(ctx.history);
    ctx.onProgress("cloud");
    const request = run.request(provider, [{ role: "system", content: CLOUD_SYSTEM, constant: true }, ...messages]);
    let pieces = 0;
    const onText = (piece: string) => {
      pieces++;
      run.emitAnswer(piece);
    };
    const cloud = await run.dangerouslySendUnsanitized(provider, request, vault, {
      maxTokens: ctx.maxTokens,
      onText,
      cloudStage: false,
    });
    const { exchange, failure } = cloud;
    if (failure?.code === "offline") return answerOffline(run, toErrorData(failure));
    if (!exchange)
      throw failure ?? new TandemError("internal", "The cloud step ended with neither an answer nor an error.");
    const status = exchange.finishReason === "aborted" ? "stopped" : "done";
    return run.finish({
      stages: cloud.stages,
      cloud,
      text: exchange.text,
      status,
      stats: run.cloudStats(exchange, pieces),
      notice: cloudNotice(provider.host, skipped),
    });
  };
}

/** Offline: nothing was sent; the local model answers from the conversation, without private context as in Cloud mode. */
async function answerOffline(run: AnswerRun, reason: ErrorData): Promise<AnswerOutcome> {
  run.ctx.onProgress("fallback");
  const result = await run.generateLocally(null, "", "answer");
  const status = result.stopReason === "aborted" ? "stopped" : "done";
  const notice = `Offline mode is on, so nothing was sent to the cloud: the local model answered on this device (without your private context, as in Cloud mode). Turn Offline off in the sidebar to use the cloud model again.`;
  return run.finish({
    stages: [],
    cloud: null,
    text: result.text,
    status,
    stats: run.localStats(result),
    fallback: reason,
    notice,
  });
}

function cloudNotice(host: string, skipped: number): string {
  const left =
    skipped === 0
      ? ""
      : ` ${skipped === 1 ? "1 earlier message" : `${skipped} earlier messages`} from Private or Hybrid turns stayed on this device.`;
  return `Cloud mode: your message was sent to ${host} as you wrote it. Your private context (profile, notes, documents) was not attached.${left}`;
}
