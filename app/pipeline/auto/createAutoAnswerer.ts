import { TandemError } from "../../contract/errors";
import type { MessageStage } from "../../contract/types";
import type { Logger } from "../../logging/Logger";
import { retryOnVaultConflict, VaultConflictError, type PrivacyVault } from "../../privacy";
import type { AnswerContext, AnswerOutcome, Answerer } from "../Answerer";
import { hybridReason, type Route, type RouteDecision } from "./decideRoute";
import { maskUnclassified, routeMessage, type RouteSettings } from "./routeMessage";
import { routeStage } from "./routeStage";

export interface AutoDeps {
  /** The Private answerer (createPrivateAnswerer): used for every message routed to the device. */
  private: Answerer;
  /** The Hybrid answerer (createHybridAnswerer): used for every message routed to the cloud. */
  hybrid: Answerer;
  /** Read for every message. */
  settings(): RouteSettings;
  /** The conversation's vault with its private context registered, saved after loading. */
  vault(conversationId: string): PrivacyVault;
  /**
   * Persists the vault after routing masked words in it, before the Hybrid answerer loads the
   * conversation's vault to sanitize: that is how the masked words reach its sanitizer and gate.
   */
  saveVault(vault: PrivacyVault): void;
  /** Gets ids, rules and counts only. */
  logger: Logger;
}

export interface AutoAnswerer extends Answerer {
  /** "Ask the other way": the next answer in this conversation takes `route`, whatever the rules say. */
  forceNext(conversationId: string, route: Route): void;
}

/** Thrown inside the Hybrid answerer to keep a message on the device once its draft was read. */
const KEPT_LOCAL = "auto_kept_local" as const;

/**
 * Auto mode (issue #16). Before anything runs, the message (with the conversation's private
 * context in the vault) is routed; "local" answers through the Private answerer. Otherwise the
 * Hybrid answerer runs, and when its local draft is done and before anything is sanitized, the
 * rules look again with the draft: if it now must stay, the draft becomes the answer (Hybrid's
 * own "answer locally" path) and nothing leaves. Every answer gets a `route` stage.
 */
export function createAutoAnswerer(deps: AutoDeps): AutoAnswerer {
  const forced = new Map<string, Route>();
  const answer = async (ctx: AnswerContext): Promise<AnswerOutcome> => {
    const asked = forced.get(ctx.conversation.id) ?? null;
    forced.delete(ctx.conversation.id);
    const message = ctx.history.findLast((m) => m.role === "user")?.content ?? "";
    const decide = (sketch: string | null) =>
      onVault(deps, ctx.conversation.id, (vault) => {
        const decision = routeMessage({ message, sketch, vault, settings: deps.settings() });
        return { result: decision, changed: decision.masked.length > 0 };
      });
    // Asked through the cloud: no rule keeps it here, but unclassified words are masked all the same.
    const maskOnly = (sketch: string | null) =>
      onVault(deps, ctx.conversation.id, (vault) => ({
        result: null,
        changed: maskUnclassified({ message, sketch, vault, settings: deps.settings() }) > 0,
      }));
    const first = asked ? null : decide(null);
    if (asked === "local" || first?.route === "local") return answerLocally(deps, ctx, first);
    const busy = asked === "hybrid" ? maskOnly(null) : null;
    if (busy) return answerLocally(deps, ctx, busy);
    return answerThroughHybrid(deps, ctx, asked !== null, asked ? maskOnly : decide);
  };
  return Object.assign(answer, {
    forceNext: (conversationId: string, route: Route) => void forced.set(conversationId, route),
  });
}

async function answerLocally(
  deps: AutoDeps,
  ctx: AnswerContext,
  decision: RouteDecision | null,
): Promise<AnswerOutcome> {
  const outcome = await deps.private(ctx);
  const reason = decision?.reason ?? "Answered on this device, as you asked.";
  const rule = decision ? decision.rule : ("asked" as const);
  log(deps, ctx, "local", rule);
  const meta = {
    route: "local" as const,
    rule,
    forced: decision === null,
    privateItems: decision?.privateItems ?? 0,
  };
  return { ...outcome, stages: [...outcome.stages, routeStage(reason, meta)] };
}

async function answerThroughHybrid(
  deps: AutoDeps,
  ctx: AnswerContext,
  forced: boolean,
  decide: (sketch: string | null) => RouteDecision | null,
): Promise<AnswerOutcome> {
  let sketch = "";
  let keptLocal: RouteDecision | null = null;
  const watched: AnswerContext = {
    ...ctx,
    onText: (piece, stage) => {
      if (stage === "sketch") sketch += piece;
      ctx.onText(piece, stage);
    },
    onProgress: (step) => {
      // "sanitizing" is the last step before anything could leave: decide again with the draft.
      if (step === "sanitizing" && sketch.trim()) {
        const second = decide(sketch);
        if (second?.route === "local") {
          keptLocal = second;
          throw new TandemError(KEPT_LOCAL, second.reason);
        }
      }
      ctx.onProgress(step);
    },
  };
  const outcome = await deps.hybrid(watched);
  if (keptLocal) return keptOnDevice(deps, ctx, outcome, keptLocal);
  const report = outcome.stages.find((s) => s.kind === "report")?.meta ?? {};
  const bytes = typeof report.bytes === "number" ? report.bytes : 0;
  const replaced = typeof report.replaced === "number" ? report.replaced : 0;
  // The cloud step failed after routing (possibly after the sanitized request left): Hybrid's
  // notice says why, and the answer was written on the device.
  const route: Route = bytes > 0 && !report.fallback ? "hybrid" : "local";
  const reason =
    route === "hybrid"
      ? hybridReason(replaced) + (forced ? " You asked for the cloud." : "")
      : "Answered on this device: the cloud step did not complete (see the notice).";
  log(deps, ctx, route, forced ? "asked" : null);
  return {
    ...outcome,
    stages: [
      ...outcome.stages,
      routeStage(reason, { route, rule: forced ? "asked" : null, forced, privateItems: replaced }),
    ],
  };
}

/** Hybrid's fallback made the draft the answer; its failure notice is not one, so it goes. */
function keptOnDevice(
  deps: AutoDeps,
  ctx: AnswerContext,
  outcome: AnswerOutcome,
  decision: RouteDecision,
): AnswerOutcome {
  const stages: MessageStage[] = outcome.stages
    .filter((s) => !(s.kind === "notice" && s.meta?.code === KEPT_LOCAL))
    .map((s) => (s.kind === "report" && s.meta ? { ...s, meta: { ...s.meta, fallback: null } } : s));
  log(deps, ctx, "local", decision.rule);
  stages.push(
    routeStage(decision.reason, {
      route: "local",
      rule: decision.rule,
      forced: false,
      privateItems: decision.privateItems,
    }),
  );
  return { ...outcome, stages };
}

function log(deps: AutoDeps, ctx: AnswerContext, route: Route, rule: string | null): void {
  deps.logger.info("auto route", { conversationId: ctx.conversation.id, messageId: ctx.messageId, route, rule });
}

/** Saves refused by another process before routing gives up (the message then stays here). */
const MAX_VAULT_ATTEMPTS = 3;

/**
 * Runs `work` on the conversation's vault and saves it if `work` changed it. If another process
 * saved the vault in between (VaultConflictError), all of it runs again on the vault as it is
 * now, so the masked words are numbered after the other writer's and none is lost. If the other
 * writer wins every time, the message is answered on this device: nothing can leave without the
 * masked words saved, and a user would rather get a local answer than an error.
 */
function onVault(
  deps: AutoDeps,
  conversationId: string,
  work: (vault: PrivacyVault) => { result: RouteDecision | null; changed: boolean },
): RouteDecision | null {
  try {
    return retryOnVaultConflict({ attempts: MAX_VAULT_ATTEMPTS }, () => {
      const vault = deps.vault(conversationId);
      const { result, changed } = work(vault);
      if (changed) deps.saveVault(vault);
      return result;
    });
  } catch (error) {
    if (!(error instanceof VaultConflictError)) throw error;
    return VAULT_BUSY;
  }
}

/** The decision when another process kept saving the vault first (see onVault). */
const VAULT_BUSY: RouteDecision = Object.freeze({
  route: "local",
  rule: null,
  reason:
    "Answered on this device: another Tandem process was changing this conversation's private items at the same moment, so nothing was sent.",
  privateItems: 0,
  masked: [],
  maskedKinds: [],
  kinds: [],
});
