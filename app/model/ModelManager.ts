import { TandemError } from "../contract/errors";
import type { ModelInfo } from "../contract/types";
import type { Logger } from "../logging/Logger";
import type { LocalModel, LocalModelRuntime } from "./LocalModel";

export interface ModelSpec {
  model: ModelInfo;
  threads: number;
  contextSize: number;
}

/**
 * Keeps at most one local model loaded. `acquire` loads the requested model (or returns the one
 * already loaded with the same settings) and disposes the previous one when the user switches.
 * Concurrent acquires of the same spec share one load.
 */
export class ModelManager {
  private current: { key: string; model: Promise<LocalModel> } | null = null;

  constructor(
    private readonly runtime: LocalModelRuntime,
    private readonly logger: Logger,
    private readonly events: { onLoading(modelId: string): void; onLoaded(modelId: string): void },
  ) {}

  acquire(spec: ModelSpec): Promise<LocalModel> {
    const key = `${spec.model.path}|${spec.threads}|${spec.contextSize}`;
    if (this.current?.key === key) return this.current.model;
    const previous = this.current;
    const model = this.load(spec, previous?.model);
    this.current = { key, model };
    model.catch(() => {
      if (this.current?.model === model) this.current = null;
    });
    return model;
  }

  /** Frees the loaded model, if any (e.g. when its entry is removed, or at shutdown). */
  async unload(): Promise<void> {
    const previous = this.current;
    this.current = null;
    await disposeQuietly(previous?.model);
  }

  private async load(spec: ModelSpec, previous: Promise<LocalModel> | undefined): Promise<LocalModel> {
    await disposeQuietly(previous);
    const started = Date.now();
    this.events.onLoading(spec.model.id);
    try {
      const model = await this.runtime.load(spec.model.path, { threads: spec.threads, contextSize: spec.contextSize });
      this.logger.info("model loaded", { modelId: spec.model.id, ms: Date.now() - started, threads: spec.threads });
      this.events.onLoaded(spec.model.id);
      return model;
    } catch (error) {
      this.logger.warn("model load failed", { modelId: spec.model.id, code: error instanceof TandemError ? error.code : "internal" });
      throw error;
    }
  }
}

async function disposeQuietly(model: Promise<LocalModel> | undefined): Promise<void> {
  if (!model) return;
  try {
    await (await model).dispose();
  } catch {
    // A model that failed to load has nothing to dispose.
  }
}
