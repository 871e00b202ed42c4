/**
 * The node-llama-cpp implementation of the core's `LocalModelRuntime`: one llama.cpp instance per
 * process, which inspects model files and loads them as `LlamaLocalModel`s.
 */
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import {
  getLlama,
  InsufficientMemoryError,
  LlamaLogLevel,
  type ChatWrapper,
  type Llama,
  type LlamaModel,
} from "node-llama-cpp";
import { TandemError } from "../app/contract/errors";
import type { GgufSummary, LoadOptions, LocalModel, LocalModelRuntime } from "../app/model/LocalModel";
import { checkModelFile, inspectGguf } from "./inspectGguf";
import { LlamaLocalModel } from "./LlamaLocalModel";
import { silentModelLogger, type ModelLogger } from "./ModelLogger";

export interface LlamaRuntimeOptions {
  /** `false` = CPU only (tests, CI); `"auto"` = the best GPU llama.cpp finds. Default "auto". */
  gpu?: false | "auto";
  /** Receives llama.cpp's warnings and errors, and load/unload events. Default: silent. */
  logger?: ModelLogger;
}

/**
 * Generation threads to use when the user set none: the machine's real core count. Why not
 * node-llama-cpp's default: it is at least 4, and 4 threads on 2 cores make llama.cpp's threads
 * spin-wait on each other — generation becomes about 1000x slower.
 */
export function defaultThreads(): number {
  return availableParallelism();
}

/** How long `dispose()` waits for llama.cpp itself to shut down (normally a few milliseconds). */
const LLAMA_DISPOSE_WAIT_MS = 2000;

async function fileIdentity(path: string): Promise<string> {
  const { size, mtimeMs } = await stat(path);
  return `${path}\0${size}\0${mtimeMs}`;
}

export class LlamaRuntime implements LocalModelRuntime {
  private readonly models = new Set<LocalModel>();
  /** Chat wrappers by file identity: resolving one from a Jinja template takes ~0.5 s per load. */
  private readonly chatWrappers = new Map<string, ChatWrapper>();
  private lastNativeError: string | null = null;
  private failedLoads = 0;
  private disposing: Promise<void> | null = null;

  private constructor(
    private llamaInstance: Llama | null,
    private readonly gpu: false | "auto",
    private readonly logger: ModelLogger,
  ) {}

  static async create(options: LlamaRuntimeOptions = {}): Promise<LlamaRuntime> {
    const logger = options.logger ?? silentModelLogger;
    const runtime = new LlamaRuntime(null, options.gpu ?? "auto", logger);
    try {
      runtime.llamaInstance = await getLlama({
        gpu: options.gpu ?? "auto",
        // Use the prebuilt binaries shipped in node_modules; never download or compile at run time.
        build: "never",
        skipDownload: true,
        progressLogs: false,
        // 0 = no cap, so LoadOptions.threads is used exactly (the default cap is max(cores, 4)).
        maxThreads: 0,
        logLevel: LlamaLogLevel.warn,
        logger: (level, message) => runtime.onNativeLog(level, message),
      });
    } catch (error) {
      throw new TandemError(
        "model_load_failed",
        `llama.cpp could not start on this machine (${(error as Error).message}). Reinstall Tandem; local models need its bundled llama.cpp binaries.`,
        { cause: error },
      );
    }
    logger.info("llama.cpp ready", { gpu: runtime.llama.gpu === false ? "none" : runtime.llama.gpu });
    return runtime;
  }

  /** The node-llama-cpp instance (for tests and diagnostics). */
  get llama(): Llama {
    if (!this.llamaInstance) throw new TandemError("internal", "The llama.cpp runtime is not ready.");
    return this.llamaInstance;
  }

  inspect(path: string): Promise<GgufSummary> {
    return inspectGguf(path, this.llama);
  }

  async load(path: string, options: LoadOptions): Promise<LocalModel> {
    if (this.disposing)
      throw new TandemError("internal", "The local model runtime has been shut down; it cannot load models any more.");
    const { summary, architectureSupported } = await checkModelFile(path, this.llama);
    if (!architectureSupported) {
      throw new TandemError(
        "model_load_failed",
        `llama.cpp cannot run ${path}: its architecture "${summary.architecture}" is not supported by this version. Choose a model of a supported family (Llama, Qwen, Gemma, Mistral, Phi, ...).`,
      );
    }
    const started = performance.now();
    const model = await this.loadWeights(path, options);
    try {
      const contextSize = Math.min(options.contextSize, summary.contextLength ?? options.contextSize);
      const context = await model.createContext({ contextSize, threads: options.threads, sequences: 1 });
      const key = await fileIdentity(path);
      const local: LlamaLocalModel = new LlamaLocalModel({
        path,
        llama: this.llama,
        model,
        context,
        logger: this.logger,
        chatWrapper: this.chatWrappers.get(key),
        onDisposed: () => this.models.delete(local),
      });
      this.chatWrappers.set(key, local.chatWrapper);
      this.models.add(local);
      this.logger.info("model loaded", {
        ms: Math.round(performance.now() - started),
        contextSize,
        threads: options.threads,
        sizeBytes: summary.sizeBytes,
      });
      return local;
    } catch (error) {
      await model.dispose();
      throw this.loadError(path, error);
    }
  }

  /** Unloads every model this runtime loaded, then llama.cpp itself. Safe to call twice. */
  dispose(): Promise<void> {
    this.disposing ??= (async () => {
      await Promise.all([...this.models].map((model) => model.dispose()));
      await this.disposeLlama();
    })();
    return this.disposing;
  }

  /**
   * node-llama-cpp 3.21.1 does not dispose a model whose native load failed, so its hold on the
   * Llama instance is never released once it is garbage-collected, and `llama.dispose()` then
   * never settles. Waiting is bounded so that quitting the app cannot hang on it; the models we
   * loaded are already freed, and the rest goes with the process.
   */
  private async disposeLlama(): Promise<void> {
    if (!this.llamaInstance) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), LLAMA_DISPOSE_WAIT_MS)));
    const done = this.llamaInstance.dispose().then(() => false);
    const timedOut = await Promise.race([done, gaveUp]);
    clearTimeout(timer);
    if (timedOut)
      this.logger.warn("llama.cpp did not finish shutting down; continuing", {
        waitedMs: LLAMA_DISPOSE_WAIT_MS,
        failedLoads: this.failedLoads,
      });
  }

  private async loadWeights(path: string, options: LoadOptions): Promise<LlamaModel> {
    this.lastNativeError = null;
    try {
      return await this.llama.loadModel({
        modelPath: path,
        gpuLayers: this.gpu === false ? 0 : (options.gpuLayers ?? "auto"),
        onLoadProgress: options.onProgress,
      });
    } catch (error) {
      this.failedLoads++;
      throw this.loadError(path, error);
    }
  }

  private loadError(path: string, error: unknown): TandemError {
    if (error instanceof InsufficientMemoryError) {
      return new TandemError(
        "model_load_failed",
        `Not enough memory to load ${path}. Close other programs, lower the context size, or choose a smaller model.`,
        { cause: error },
      );
    }
    const reason = this.lastNativeError ?? (error as Error).message;
    return new TandemError(
      "model_load_failed",
      `llama.cpp could not load ${path} (${reason}). The file may be damaged, or made for a newer llama.cpp than this version of Tandem has.`,
      { cause: error },
    );
  }

  private onNativeLog(level: LlamaLogLevel, message: string): void {
    const text = message.trim();
    if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) {
      // llama.cpp's real reason ("tensor 'x' not found") arrives only as a log line.
      const reason = /error loading model:\s*(.+)$/.exec(text)?.[1];
      if (reason) this.lastNativeError = reason;
      this.logger.error("llama.cpp", { text });
    } else if (level === LlamaLogLevel.warn) this.logger.warn("llama.cpp", { text });
    else this.logger.debug("llama.cpp", { text });
  }
}
