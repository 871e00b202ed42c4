import type { PrivacyVault } from "../privacy";
import { StreamRestorer } from "../pipeline/hybrid";
import type { CloudUsage } from "../providers/cloud";
import { chunkBody, completionBody, usageChunkBody, usageOf, type Completion } from "./openAiShapes";
import type { ChatRequest } from "./parseChatRequest";
import type { proxyError } from "./proxyError";
import type { ProxyReply } from "./types";

/**
 * One answer on its way to the client. Cloud text goes through the conversation's
 * StreamRestorer, so each piece the client receives is already restored and never ends inside a
 * placeholder ("[PERS" is held until "ON_1]" arrives). Streaming answers start their SSE
 * response with the first restored piece: an error before that is still a plain HTTP error.
 */
export class ProxyAnswer {
  private stream = false;
  private includeUsage = false;
  private restorer: StreamRestorer | null = null;
  private started = false;
  private text = "";

  constructor(
    private readonly reply: ProxyReply,
    private completion: Completion,
  ) {}

  get signal(): AbortSignal {
    return this.reply.signal;
  }

  configure(request: ChatRequest): void {
    this.stream = request.stream;
    this.includeUsage = request.includeUsage;
  }

  /** Cloud answers: restore with this vault from now on, and name the cloud model in every chunk. */
  restoreWith(vault: PrivacyVault, model: string): void {
    this.completion = { ...this.completion, model };
    this.restorer = new StreamRestorer(vault, (segment) => this.emit(segment));
  }

  /** A piece of the answer as the model wrote it (with placeholders, for cloud answers). */
  push(piece: string): void {
    if (this.restorer) this.restorer.push(piece);
    else this.emit(piece);
  }

  finish(finishReason: string, usage: CloudUsage | undefined): void {
    if (this.reply.signal.aborted) return;
    this.restorer?.finish();
    if (!this.stream)
      return this.reply.json(200, completionBody(this.completion, this.text, finishReason, usageOf(usage)));
    this.begin();
    this.reply.event(chunkBody(this.completion, {}, finishReason));
    if (this.includeUsage) this.reply.event(usageChunkBody(this.completion, usageOf(usage)));
    this.reply.end(true);
  }

  fail(failure: ReturnType<typeof proxyError>): void {
    if (this.reply.signal.aborted) return;
    if (!this.started) {
      const headers: Record<string, string> =
        failure.retryAfterSeconds !== null ? { "retry-after": String(failure.retryAfterSeconds) } : {};
      return this.reply.json(failure.status, failure.body, headers);
    }
    // Mid-stream: OpenAI's SDKs raise an `error` event as an APIError; no [DONE] follows.
    this.reply.event(failure.body);
    this.reply.end(false);
  }

  private emit(segment: string): void {
    if (!this.stream) {
      this.text += segment;
      return;
    }
    this.begin();
    this.reply.event(chunkBody(this.completion, { content: segment }, null));
  }

  private begin(): void {
    if (this.started) return;
    this.started = true;
    this.reply.event(chunkBody(this.completion, { role: "assistant", content: "" }, null));
  }
}
