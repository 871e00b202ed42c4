import { TandemError } from "../contract/errors";
import type { ModelInfo } from "../contract/types";
import type { Logger } from "../logging/Logger";
import type { LocalModel, LocalModelRuntime } from "./LocalModel";

export interface ModelSpec {
  model: ModelInfo;
  threads: number;
  contextSize: number;
  /** Default "auto". */
  gpuLayers?: "auto" | number;
}

/** What is in memory now (for the hardware panel). */
export interface LoadedModelStatus {
  modelId: string;
  state: "loading" | "loaded";
  progress: number;
  spec: ModelSpec;
  model: LocalModel | null;
}

export interface ModelManagerEvents {
  onLoading(modelId: string): void;
  onLoaded(modelId: string): void;
  /** llama.cpp's load progress 0..1. */
  onProgress?(modelId: string, progress: number): void;
  onUnloaded?(modelId: string): void;
}

/**
 * Keeps at most one local model loaded. `acquire` loads the requested model (or returns the one
 * already loaded with the same settings) and disposes the previous one when the user switches.
 * Concurrent acquires of the same spec share one load.
 */
export class ModelManager {
  private current: { key: string; model: Promise<LocalModel>; status: LoadedModelStatus } | null = null;

  constructor(
    private readonly runtime: LocalModelRuntime,
    private readonly logger: Logger,
    private readonly events: ModelManagerEvents,
  ) {}

  acquire(spec: ModelSpec): Promise<LocalModel> {
    const key = `${spec.model.path}|${spec.threads}|${spec.contextSize}|${spec.gpuLayers ?? "auto"}`;
    if (this.current?.key === key) return this.current.model;
    const previous = this.current;
    const status: LoadedModelStatus = { modelId: spec.model.id, state: "loading", progress: 0, spec, model: null };
    const model = this.load(spec, previous?.model, status);
    this.current = { key, model, status };
    model.catch(() => {
      if (this.current?.model === model) this.current = null;
    });
    return model;
  }

  /** The model in memory (or being loaded), if any. */
  status(): LoadedModelStatus | null {
    return this.current?.status ?? null;
  }

  /** Frees the loaded model, if any (e.g. when its entry is removed, or at shutdown). True if one was loaded. */
  async unload(): Promise<boolean> {
    const previous = this.current;
    this.current = null;
    await disposeQuietly(previous?.model);
    if (previous) this.events.onUnloaded?.(previous.status.modelId);
    return previous !== null;
  }

  private async load(
    spec: ModelSpec,
    previous: Promise<LocalModel> | undefined,
    status: LoadedModelStatus,
  ): Promise<LocalModel> {
    await disposeQuietly(previous);
    const started = Date.now();
    this.events.onLoading(spec.model.id);
    const onProgress = throttled(
      (progress: number) => this.events.onProgress?.(spec.model.id, progress),
      (p) => (status.progress = p),
    );
    try {
      const model = await this.runtime.load(spec.model.path, {
        threads: spec.threads,
        contextSize: spec.contextSize,
        gpuLayers: spec.gpuLayers,
        onProgress,
      });
      Object.assign(status, { state: "loaded", progress: 1, model });
      this.logger.info("model loaded", { modelId: spec.model.id, ms: Date.now() - started, threads: spec.threads });
      this.events.onLoaded(spec.model.id);
      return model;
    } catch (error) {
      this.logger.warn("model load failed", {
        modelId: spec.model.id,
        code: error instanceof TandemError ? error.code : "internal",
      });
      throw error;
    }
  }
}

/** llama.cpp reports progress per tensor (hundreds a second); pass on about 5 a second, and the end. */
function throttled(send: (progress: number) => void, record: (progress: number) => void): (progress: number) => void {
  let last = 0;
  return (progress) => {
    record(progress);
    const now = Date.now();
    if (progress < 1 && now - last < 200) return;
    last = now;
    send(progress);
  };
}

async function disposeQuietly(model: Promise<LocalModel> | undefined): Promise<void> {
  if (!model) return;
  try {
    await (await model).dispose();
  } catch {
    // A model that failed to load has nothing to dispose.
  }
}
