import type Database from "better-sqlite3";
import { TandemError, toErrorData, type ErrorData } from "../../contract/errors";
import type { HybridStrategy, MessageStage, MessageStats, ModelCheckReport, PrivacyMode } from "../../contract/types";
import type {
  AppMessage,
  AuditLog,
  EgressGate,
  OutboundRequest,
  OutboundRequestOf,
  PlainMessage,
  UnsanitizedRequest,
} from "../../egress";
import type { Logger } from "../../logging/Logger";
import type { GenerateResult } from "../../model/LocalModel";
import {
  retryOnVaultConflictAsync,
  VaultConflictError,
  type PrivacyVault,
  type PrivateTerm,
  type SanitizedText,
} from "../../privacy";
import { chatCompletionsUrl, trimBaseUrl, type CloudProvider } from "../../providers/cloud";
import type { AnswerContext, AnswerOutcome } from "../Answerer";
import { buildTurns } from "../buildTurns";
import { gatherLocalContext, type LocalContext, type LocalContextSource } from "../LocalContextSource";
import { buildPrivacyReport, reportStage, type ReportInput } from "./buildPrivacyReport";
import type { CloudRecord } from "./CloudRecord";
import type { ContextTermsSource, ConversationVaults } from "./ConversationVaults";
import { sanitizeForCloud, sanitizeForCloudWithModel, type SanitizedParts } from "./sanitizeForCloud";
import { sendThroughGate, type CloudExchange, type GatePass, type SentRecord } from "./sendThroughGate";

export interface RunSettings {
  hybridStrategy: HybridStrategy;
  locale: string;
  cloudBaseUrl?: string | null;
  thoroughModelCheck?: boolean;
  modelCheckBudgetMs?: number;
}

/** What the host gives the Hybrid and Cloud answerer factories (the Cloud one without context). */
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

/** What both answerers share, built once by the factories. */
export interface RunDeps {
  gate: EgressGate;
  audit: AuditLog;
  vaults: ConversationVaults;
  cloud(): CloudProvider | null;
  /**
   * `cloudBaseUrl` (optional) names the endpoint in the audit log; the host otherwise.
   * `thoroughModelCheck` (default true) runs step 5 with the local model within
   * `modelCheckBudgetMs` (default MODEL_CHECK_BUDGET_MS).
   */
  settings(): RunSettings;
  context: LocalContextSource | null;
  logger: Logger;
}

interface SendOptions {
  maxTokens: number;
  onText(piece: string): void;
  /** Default true; Cloud mode skips it (the answer itself is the cloud's text). */
  cloudStage?: boolean;
  /**
   * The conversation's vault as stored now, loaded again when another process saved it since
   * `vault` was loaded; the caller restores with the vault this returned last. Default: none, so
   * such a conflict skips the cloud step.
   */
  reloadVault?(): PrivacyVault;
}

/** Saves refused by another process before the cloud step is skipped (each retry sanitizes again). */
const MAX_VAULT_ATTEMPTS = 3;

type Finish = Omit<ReportInput, "mode" | "strategy" | "sanitized" | "sent" | "modelCheck"> & {
  text: string;
  status: AnswerOutcome["status"];
  stats: MessageStats | null;
  /** The steps' stages in order (null = a step that recorded none); the cloud step's follow from `cloud`. */
  stages: ReadonlyArray<MessageStage | null>;
  /** What the cloud step did; null when it did not run. */
  cloud: CloudRecord | null;
  notice?: string;
};

/**
 * One Hybrid or Cloud answer: the steps both strategies share. Each step returns what it did
 * (the context block and its stage, a `CloudRecord`) and the strategy hands those records on,
 * top to bottom, to `finish`, which writes the report; the run itself only keeps the clock.
 * Logs carry ids, sizes, timings and codes only.
 */
export class AnswerRun {
  private readonly started = performance.now();
  private firstAnswerMs: number | null = null;

  constructor(
    readonly deps: RunDeps,
    readonly ctx: AnswerContext,
    readonly mode: PrivacyMode,
    readonly strategy: HybridStrategy | null,
  ) {}

  get conversationId(): string {
    return this.ctx.conversation.id;
  }

  /** The user's message being answered. */
  get instruction(): string {
    return this.ctx.history.findLast((m) => m.role === "user")?.content ?? "";
  }

  /** Streams a piece of the visible answer, noting when the first one came. */
  readonly emitAnswer = (piece: string): void => {
    this.firstAnswerMs ??= Math.round(performance.now() - this.started);
    this.ctx.onText(piece, "answer");
  };

  /** Step "context": the private context block for the LOCAL model ("" for none) and its stage. */
  gatherContext(): LocalContext {
    this.ctx.onProgress("context");
    return gatherLocalContext(this.deps.context, {
      conversationId: this.conversationId,
      query: this.instruction,
      model: this.ctx.model,
    });
  }

  /** The configured provider; `cloud_not_configured` (a fallback reason in Hybrid) if none. */
  provider(): CloudProvider {
    const provider = this.deps.cloud();
    if (provider) return provider;
    throw new TandemError(
      "cloud_not_configured",
      "No cloud model is set up, so the cloud step was skipped. Set the endpoint and model in Settings → Cloud.",
    );
  }

  /** The conversation's vault, with its private context registered when `contextTerms` is given. */
  loadVault(contextTerms: ContextTermsSource | null): PrivacyVault {
    return this.deps.vaults.load(this.conversationId, contextTerms, this.deps.settings().locale);
  }

  /** The outbound chat request for these messages (checked and sent by the gate). */
  request<M extends AppMessage | PlainMessage>(provider: CloudProvider, messages: M[]): OutboundRequestOf<M> {
    const base = trimBaseUrl(this.deps.settings().cloudBaseUrl ?? "");
    const endpoint = base ? chatCompletionsUrl(base) : provider.host;
    return {
      conversationId: this.conversationId,
      messageId: this.ctx.messageId,
      endpoint,
      model: provider.model,
      messages,
      kind: "chat",
    };
  }

  /**
   * Sanitizes `parts` — steps 1–4, then step 5 with the local model unless turned off — saving
   * the vault before anything leaves (placeholders stay stable), and sends the request `build`
   * makes of them through the gate. If the gate's re-scan blocks it, one more rule round runs on
   * the sanitized text (a replacement can change what the name rules see around it) and the
   * gate checks again — fail closed. Stop before sending: a record with neither exchange nor failure.
   */
  async sendSanitized(
    provider: CloudProvider,
    vault: PrivacyVault,
    parts: readonly string[],
    build: (texts: readonly SanitizedText[]) => OutboundRequest["messages"],
    options: SendOptions,
  ): Promise<CloudRecord> {
    const settings = this.deps.settings();
    const detectOptions = { locale: settings.locale };
    const { checked, vault: current } = await this.sanitizeAndSave(parts, vault, options.reloadVault);
    vault = current;
    // Checked before the gate: it would audit a request that an aborted signal then never sends.
    if (this.ctx.signal.aborted)
      return Object.freeze({ ...checked, sent: null, exchange: null, failure: null, stages: [] });
    this.ctx.onProgress("cloud");
    const first = await this.sendParts(provider, vault, checked.sanitized, build, options);
    if (first.failure?.code !== "egress_blocked") return Object.freeze({ ...checked, ...first });
    const again = sanitizeForCloud(checked.sanitized.texts, vault, detectOptions);
    this.saveVault(vault);
    return Object.freeze({
      ...checked,
      sanitized: again,
      ...(await this.sendParts(provider, vault, again, build, options)),
    });
  }

  /** Cloud mode only: the user's text as typed, through the gate (audited, not blocked) to the cloud. */
  async dangerouslySendUnsanitized(
    provider: CloudProvider,
    request: UnsanitizedRequest,
    vault: PrivacyVault,
    options: SendOptions,
  ): Promise<CloudRecord> {
    const bounded = { ...request, maxTokens: options.maxTokens };
    const sent = await this.exchange(
      provider,
      (doSend) => this.deps.gate.dangerouslySendUnsanitized(bounded, vault, doSend),
      options,
    );
    return Object.freeze({ sanitized: null, modelCheck: null, ...sent });
  }

  /**
   * Sanitizes and saves before anything leaves. If another process (the CLI on the same data
   * folder) saved this conversation's vault meanwhile, the placeholders just made may name other
   * values there: the parts are sanitized again in the vault as stored now (`reload`).
   */
  private async sanitizeAndSave(
    parts: readonly string[],
    vault: PrivacyVault,
    reload: (() => PrivacyVault) | undefined,
  ) {
    const onConflict = (attempt: number) =>
      this.deps.logger.info("vault saved by another process; sanitizing again", { attempt });
    try {
      return await retryOnVaultConflictAsync(
        { attempts: reload ? MAX_VAULT_ATTEMPTS : 1, onConflict },
        async (attempt) => {
          if (attempt > 1 && reload) vault = reload();
          const checked = await this.sanitize(parts, vault);
          this.deps.vaults.save(vault);
          return { checked, vault };
        },
      );
    } catch (error) {
      throw busyIfConflict(error);
    }
  }

  /**
   * Saves before anything leaves. A vault another process saved since it was loaded is a
   * `busy` failure (expected: the local answer is kept with a notice).
   */
  private saveVault(vault: PrivacyVault): void {
    try {
      this.deps.vaults.save(vault);
    } catch (error) {
      throw busyIfConflict(error);
    }
  }

  /** Steps 1–4 (and 5 unless off); the vault is saved before anything can leave. */
  private async sanitize(
    parts: readonly string[],
    vault: PrivacyVault,
  ): Promise<{ sanitized: SanitizedParts; modelCheck: ModelCheckReport }> {
    const settings = this.deps.settings();
    const detectOptions = { locale: settings.locale };
    if (settings.thoroughModelCheck === false)
      return {
        sanitized: sanitizeForCloud(parts, vault, detectOptions),
        modelCheck: { status: "off", ms: 0, added: {} },
      };
    // Still the "sanitizing" step for the UI: step 5 is part of it.
    const { modelCheck, ...sanitized } = await sanitizeForCloudWithModel(parts, vault, detectOptions, {
      model: this.ctx.model,
      signal: this.ctx.signal,
      budgetMs: settings.modelCheckBudgetMs,
    });
    return { sanitized, modelCheck };
  }

  private sendParts(
    provider: CloudProvider,
    vault: PrivacyVault,
    sanitized: SanitizedParts,
    build: (texts: readonly SanitizedText[]) => OutboundRequest["messages"],
    options: SendOptions,
  ) {
    const request = { ...this.request(provider, build(sanitized.texts)), maxTokens: options.maxTokens };
    return this.exchange(provider, (doSend) => this.deps.gate.send(request, vault, doSend), options);
  }

  /**
   * Through the gate to the cloud. Records the `sanitized` stage (the exact payload, as the gate
   * recorded it) once the request left, and the `cloud` stage (the answer as received,
   * placeholders and all; partial if the call failed midway) unless `cloudStage` is false. An
   * expected failure (a TandemError) is returned in the record; a bug is thrown.
   */
  private async exchange(
    provider: CloudProvider,
    pass: GatePass,
    options: SendOptions,
  ): Promise<Pick<CloudRecord, "sent" | "exchange" | "failure" | "stages">> {
    let received = "";
    let sent: SentRecord | null = null;
    const onText = (piece: string) => {
      received += piece;
      options.onText(piece);
    };
    const sentStage = (): MessageStage[] =>
      sent
        ? [
            {
              kind: "sanitized",
              content: sent.payload,
              meta: { bytes: sent.bytes, endpoint: sent.endpoint, model: sent.model },
            },
          ]
        : [];
    try {
      const exchange = await sendThroughGate(
        { provider, pass, signal: this.ctx.signal, onText },
        (record) => (sent = record),
      );
      const cloud: MessageStage[] =
        options.cloudStage === false
          ? []
          : [
              {
                kind: "cloud",
                content: exchange.text,
                meta: { finishReason: exchange.finishReason, usage: exchange.usage, ms: exchange.ms },
              },
            ];
      return { sent, exchange, failure: null, stages: [...sentStage(), ...cloud] };
    } catch (error) {
      if (!(error instanceof TandemError)) throw error;
      const partial: MessageStage[] =
        received && options.cloudStage !== false
          ? [{ kind: "cloud", content: received, meta: { error: toErrorData(error).code } }]
          : [];
      return { sent, exchange: null, failure: error, stages: [...sentStage(), ...partial] };
    }
  }

  /**
   * The local model writes from the conversation with `instructions` and the private context
   * in its system prompt, streaming as `stage` ("answer" = the visible answer).
   */
  generateLocally(
    instructions: string | null,
    contextBlock: string,
    stage: "answer" | "sketch",
  ): Promise<GenerateResult> {
    const { ctx } = this;
    const block = [instructions, contextBlock].filter((part): part is string => Boolean(part)).join("\n\n");
    const turns = buildTurns(ctx.history, ctx.model, ctx.maxTokens, block);
    const onText = stage === "answer" ? this.emitAnswer : (piece: string) => ctx.onText(piece, stage);
    return ctx.model.generate({ turns, maxTokens: ctx.maxTokens, signal: ctx.signal, onText });
  }

  /** The stages in order, the notice (if any) and the report: the outcome ChatService stores. */
  finish(input: Finish): AnswerOutcome {
    const { stages, cloud, notice, ...rest } = input;
    const report = buildPrivacyReport({
      ...rest,
      mode: this.mode,
      strategy: this.strategy,
      sanitized: cloud?.sanitized ?? null,
      sent: cloud?.sent ?? null,
      modelCheck: cloud?.modelCheck ?? null,
    });
    const stored = stages.filter((stage): stage is MessageStage => stage !== null);
    if (notice)
      stored.push({ kind: "notice", content: notice, meta: input.fallback ? { code: input.fallback.code } : null });
    stored.push(reportStage(report));
    this.log(input, report.replaced, cloud?.sent?.bytes ?? 0);
    return { text: input.text, status: input.status, stats: input.stats, stages: stored };
  }

  /** Stats of the visible answer when the cloud wrote it. */
  cloudStats(exchange: CloudExchange, pieces: number): MessageStats {
    const tokens = exchange.usage?.completionTokens ?? pieces;
    const streamingMs = exchange.firstTextMs === null ? 0 : exchange.ms - exchange.firstTextMs;
    return {
      tokens,
      tokensPerSecond: streamingMs > 0 ? Math.round((tokens / streamingMs) * 10_000) / 10 : null,
      timeToFirstTokenMs: this.firstAnswerMs,
    };
  }

  /** Stats of the visible answer when the local model wrote it. */
  localStats(result: GenerateResult): MessageStats {
    return {
      tokens: result.tokens,
      tokensPerSecond: result.tokensPerSecond,
      timeToFirstTokenMs: this.firstAnswerMs ?? result.timeToFirstTokenMs,
    };
  }

  private log(input: Finish, replaced: number, bytesSent: number): void {
    this.deps.logger.info("answer pipeline finished", {
      conversationId: this.conversationId,
      messageId: this.ctx.messageId,
      mode: this.mode,
      strategy: this.strategy,
      status: input.status,
      replaced,
      bytesSent,
      answerChars: input.text.length,
      unresolved: input.unresolved?.length ?? 0,
      fallback: input.fallback?.code ?? null,
      ms: Math.round(performance.now() - this.started),
    });
  }
}

/**
 * Whether Hybrid mode should answer locally instead of failing: every expected failure
 * (a TandemError: not configured, offline, blocked, any cloud_* error) — but not a bug.
 */
export function fallbackReason(error: unknown): ErrorData | null {
  if (!(error instanceof TandemError) || error.code === "internal") return null;
  return toErrorData(error);
}

/** A vault saved by another process meanwhile becomes the expected `busy` failure; other errors pass. */
function busyIfConflict(error: unknown): unknown {
  if (!(error instanceof VaultConflictError)) return error;
  return new TandemError(
    "busy",
    "Another Tandem process changed this conversation's placeholders at the same moment, so nothing was sent to the cloud.",
    { cause: error },
  );
}
