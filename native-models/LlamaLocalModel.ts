/**
 * A loaded model with one context and one sequence: the node-llama-cpp implementation of the
 * core's `LocalModel` port. Generations run one at a time (a queue), and `dispose()` stops the
 * running one before freeing memory.
 */
import { LlamaChat, type ChatWrapper, type Llama, type LlamaContext, type LlamaModel } from "node-llama-cpp";
import { TandemError } from "../app/contract/errors";
import type { GenerateOptions, GenerateResult, LocalModel } from "../app/model/LocalModel";
import type { ModelLogger } from "./ModelLogger";
import { generateReply } from "./generateReply";
import { SerialQueue } from "./SerialQueue";

export interface LlamaLocalModelParts {
  path: string;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  logger: ModelLogger;
  /** A wrapper resolved before for this same file; resolving one from the template takes ~0.5 s. */
  chatWrapper?: ChatWrapper;
  /** Called once the model is freed. */
  onDisposed?: () => void;
}

export class LlamaLocalModel implements LocalModel {
  readonly path: string;
  /** The node-llama-cpp model; exposed so tests can check it was freed. */
  readonly llamaModel: LlamaModel;
  private readonly queue = new SerialQueue();
  private readonly chat: LlamaChat;
  /** Aborted by `dispose()`, so a running generation ends (as "aborted") before memory is freed. */
  private readonly unloading = new AbortController();
  private disposing: Promise<void> | null = null;

  private readonly llama: Llama;
  private readonly context: LlamaContext;
  private readonly logger: ModelLogger;
  private readonly onDisposed: () => void;

  constructor(parts: LlamaLocalModelParts) {
    this.path = parts.path;
    this.llama = parts.llama;
    this.llamaModel = parts.model;
    this.context = parts.context;
    this.logger = parts.logger;
    this.onDisposed = parts.onDisposed ?? (() => {});
    this.chat = new LlamaChat({
      contextSequence: parts.context.getSequence(),
      chatWrapper: parts.chatWrapper ?? "auto",
    });
  }

  /** The chat format in use (ChatML, Llama 3, a Jinja template, ...), resolved from the file. */
  get chatWrapper(): ChatWrapper {
    return this.chat.chatWrapper;
  }

  get contextSize(): number {
    return this.context.contextSize;
  }

  get disposed(): boolean {
    return this.disposing !== null;
  }

  generate(options: GenerateOptions): Promise<GenerateResult> {
    const signal = options.signal ? AbortSignal.any([options.signal, this.unloading.signal]) : this.unloading.signal;
    return this.queue.run(async () => {
      this.assertLoaded();
      const result = await generateReply(this.chat, this.llama, options, signal);
      this.logger.debug("generated", {
        tokens: result.tokens,
        stopReason: result.stopReason,
        ttftMs: result.timeToFirstTokenMs,
        tps: result.tokensPerSecond === null ? null : Math.round(result.tokensPerSecond * 10) / 10,
      });
      return result;
    });
  }

  memoryUsage(): { modelBytes: number; contextBytes: number; gpuLayers: number } {
    this.assertLoaded();
    return {
      modelBytes: this.llamaModel.size,
      contextBytes: this.context.stateSize,
      gpuLayers: this.llamaModel.gpuLayers,
    };
  }

  countTokens(text: string): number {
    this.assertLoaded();
    return this.llamaModel.tokenize(text).length;
  }

  dispose(): Promise<void> {
    this.disposing ??= this.free();
    return this.disposing;
  }

  private async free(): Promise<void> {
    this.unloading.abort();
    await this.queue.idle();
    this.chat.dispose();
    await this.context.dispose();
    await this.llamaModel.dispose();
    this.onDisposed();
    this.logger.info("model unloaded");
  }

  private assertLoaded(): void {
    if (this.disposed)
      throw new TandemError("generation_failed", "This model has been unloaded. Load it again to continue.");
  }
}
