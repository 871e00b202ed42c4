/**
 * Talks to any OpenAI-compatible endpoint: a plain transport, messages in, text out. It does not
 * decide what may leave the device: `streamChat` and `testConnection` take a `GatedRequest`,
 * which only the egress gate (app/egress/EgressGate.ts) makes, after checking and recording it.
 * Only this folder imports `openai` (lint enforces it).
 */
import type OpenAI from "openai";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { Logger } from "../../logging/Logger";
import type { TandemError } from "../../contract/errors";
import type { FrozenRequest, GatedRequest } from "../../egress/GatedRequest";
import { chatRequestBody } from "./chatRequestBody";
import { CloudError } from "./CloudError";
import { IdleTimer } from "./IdleTimer";
import { checkBaseUrl, checkModel, createOpenAIClient, DEFAULT_CLOUD_TIMEOUT_MS } from "./createOpenAIClient";
import { CallbackError, StreamAccumulator } from "./StreamAccumulator";
import { testCloudConnection } from "./testCloudConnection";
import { timeoutError, toCloudError, type FailureContext } from "./toCloudError";
import type {
  CloudProviderDeps,
  CloudSettings,
  ConnectionTestResult,
  StreamChatOptions,
  StreamChatResult,
} from "./types";

export class CloudProvider {
  /** host[:port] of the endpoint: what logs and messages name (never the full URL or key). */
  readonly host: string;
  readonly model: string;
  private readonly client: OpenAI;
  private readonly log: Logger;
  private readonly timeoutMs: number;
  private readonly hasKey: boolean;
  private readonly hideKey: (text: string) => string;

  /** Throws `cloud_not_configured` if the base URL or model is unusable. */
  constructor(settings: CloudSettings, deps: CloudProviderDeps) {
    this.host = checkBaseUrl(settings.baseUrl).host;
    this.model = checkModel(settings.model);
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_CLOUD_TIMEOUT_MS;
    this.hasKey = Boolean(settings.apiKey?.trim());
    const key = settings.apiKey?.trim();
    this.hideKey = key ? (text) => text.split(key).join("[the API key]") : (text) => text;
    this.client = createOpenAIClient(settings, deps.fetch);
    this.log = deps.logger.child("cloud");
  }

  /**
   * Streams one chat completion of the gated request: its messages, `max_tokens` and
   * `temperature`, the body byte for byte as the gate recorded it. Resolves with the whole text;
   * on abort with the text so far and finishReason "aborted" (an already-aborted signal sends
   * nothing). Throws a `CloudError`.
   */
  async streamChat(gated: GatedRequest, options: StreamChatOptions = {}): Promise<StreamChatResult> {
    if (gated.request.model !== this.model) {
      // The audit row names the request's model; sending another would make the log untrue.
      throw new CloudError(
        "internal",
        `Not sent: the request was checked for the model "${gated.request.model}" but this provider sends to "${this.model}". This is a bug; please report it.`,
      );
    }
    return this.stream(gated.request, options);
  }

  private async stream(
    request: Pick<FrozenRequest, "messages" | "maxTokens" | "temperature">,
    options: StreamChatOptions,
  ): Promise<StreamChatResult> {
    const body = chatRequestBody(this.model, request.messages, request);
    const bytesOut = Buffer.byteLength(JSON.stringify(body), "utf8");
    if (options.signal?.aborted) return { text: "", finishReason: "aborted" };
    const startedAt = performance.now();
    this.log.info("chat request", { host: this.host, model: this.model, messages: request.messages.length, bytesOut });
    const acc = new StreamAccumulator(startedAt, options.onText);
    try {
      const result = await this.runStream(body, acc, options.signal);
      this.logDone(acc, result.finishReason, startedAt);
      return result;
    } catch (error) {
      this.logFailure(error, acc, startedAt);
      throw error;
    }
  }

  /** The model ids the endpoint lists (`GET /models`), sorted. Throws a `CloudError`. */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    const startedAt = performance.now();
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = new IdleTimer(this.timeoutMs, onAbort);
    try {
      const page = await this.client.models.list({ signal: controller.signal });
      const ids = modelIds(page, this.context("request"));
      this.log.info("models listed", { host: this.host, count: ids.length, ms: elapsed(startedAt) });
      return ids;
    } catch (error) {
      const failure = timer.fired
        ? timeoutError(this.context("request"), error)
        : toCloudError(error, this.context("request"));
      this.logFailure(failure, null, startedAt);
      throw failure;
    } finally {
      timer.stop();
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /**
   * Lists models, or makes a 1-token call with a fixed word where the endpoint lists none. Takes
   * the gate's connection-test request (no messages of the user's). Never throws.
   */
  testConnection(gated: GatedRequest): Promise<ConnectionTestResult> {
    void gated; // proof that the test passed the gate (offline refusal, audit row); it carries no body
    return testCloudConnection({
      host: this.host,
      model: this.model,
      listModels: () => this.listModels(),
      oneToken: () => this.stream({ messages: [{ role: "user", content: "Hi" }], maxTokens: 1 }, {}),
    });
  }

  private async runStream(
    body: ChatCompletionCreateParamsStreaming,
    acc: StreamAccumulator,
    signal?: AbortSignal,
  ): Promise<StreamChatResult> {
    // One controller for the user's abort and the idle timeout; which one fired decides the outcome.
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const timer = new IdleTimer(this.timeoutMs, onAbort);
    let phase: FailureContext["phase"] = "request";
    try {
      const stream = await this.client.chat.completions.create(body, { signal: controller.signal });
      phase = "stream";
      timer.touch();
      // An aborted openai stream ends this loop without throwing: the checks below tell why it ended.
      for await (const chunk of stream) {
        timer.touch();
        acc.add(chunk);
      }
    } catch (error) {
      if (error instanceof CallbackError) throw error.original;
      if (!signal?.aborted)
        throw timer.fired ? timeoutError(this.context(phase), error) : toCloudError(error, this.context(phase));
    } finally {
      timer.stop();
      signal?.removeEventListener("abort", onAbort);
    }
    return this.outcome(acc, Boolean(signal?.aborted), timer.fired);
  }

  private outcome(acc: StreamAccumulator, aborted: boolean, timedOut: boolean): StreamChatResult {
    if (aborted) return { text: acc.text, finishReason: "aborted", ...(acc.usage ? { usage: acc.usage } : {}) };
    if (timedOut) throw timeoutError(this.context("stream"));
    if (acc.chunks === 0) {
      throw new CloudError(
        "cloud_bad_response",
        `The cloud provider at ${this.host} answered without an OpenAI-style stream. Check that the base URL points at an OpenAI-compatible API (usually ending in /v1).`,
      );
    }
    if (!acc.finishReason) {
      throw new CloudError(
        "cloud_stream_broken",
        `The answer from the cloud provider at ${this.host} stopped before it was complete. Try again.`,
      );
    }
    return { text: acc.text, finishReason: acc.finishReason, ...(acc.usage ? { usage: acc.usage } : {}) };
  }

  private context(phase: FailureContext["phase"]): FailureContext {
    return {
      phase,
      host: this.host,
      model: this.model,
      timeoutMs: this.timeoutMs,
      hasKey: this.hasKey,
      hideKey: this.hideKey,
    };
  }

  private logDone(acc: StreamAccumulator, finishReason: string, startedAt: number): void {
    this.log.info("chat done", {
      host: this.host,
      model: this.model,
      finishReason,
      chunks: acc.chunks,
      textBytes: acc.textBytes,
      firstTextMs: acc.firstTextMs,
      ms: elapsed(startedAt),
    });
  }

  /** Code and status only: a provider's error text may quote the request, so it stays out of logs. */
  private logFailure(error: unknown, acc: StreamAccumulator | null, startedAt: number): void {
    const failure = error as Partial<TandemError> & { status?: number | null };
    this.log.warn("cloud call failed", {
      host: this.host,
      model: this.model,
      code: failure.code ?? "unknown",
      status: failure.status ?? null,
      chunks: acc?.chunks ?? null,
      textBytes: acc?.textBytes ?? null,
      ms: elapsed(startedAt),
    });
  }
}

function elapsed(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}

function modelIds(page: unknown, context: FailureContext): string[] {
  const data = (page as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw toCloudError(new SyntaxError("no data array"), context);
  const ids = data.map((m) => (m as { id?: unknown })?.id).filter((id): id is string => typeof id === "string");
  return [...new Set(ids)].sort();
}
