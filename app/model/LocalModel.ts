/**
 * The port through which the core uses a local model. `native-models/` implements it with
 * node-llama-cpp; `main/` wires the two. The core never imports llama.cpp itself.
 */

export interface ChatTurn {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface GenerateOptions {
  /**
   * The conversation so far; the last turn is the user's message to answer, or an assistant turn
   * to continue (the result's text is then only what was added).
   */
  turns: ChatTurn[];
  /** Upper bound on generated tokens. */
  maxTokens: number;
  /** Sampling temperature; default 0.7. 0 = greedy. */
  temperature?: number;
  /** Seed for reproducible sampling (tests); default a fresh random one for every answer. */
  seed?: number;
  /**
   * A JSON schema the output must follow (llama.cpp grammar). Bound every string with
   * `maxLength`: small models otherwise write forever.
   */
  jsonSchema?: object;
  /** Abort generation; the text written so far is returned with stopReason "aborted". */
  signal?: AbortSignal;
  /** Called with each decoded piece of text as it is generated. */
  onText?: (text: string) => void;
}

export interface GenerateResult {
  text: string;
  stopReason: "eos" | "maxTokens" | "aborted";
  tokens: number;
  timeToFirstTokenMs: number | null;
  tokensPerSecond: number | null;
}

export interface LocalModel {
  readonly path: string;
  readonly contextSize: number;
  generate(options: GenerateOptions): Promise<GenerateResult>;
  countTokens(text: string): number;
  /** Frees the model and its context. Safe to call twice. */
  dispose(): Promise<void>;
  readonly disposed: boolean;
  /** Memory held now: weights, and the context's KV cache/state; layers on the GPU. Optional for ports without it. */
  memoryUsage?(): { modelBytes: number; contextBytes: number; gpuLayers: number };
}

/** What reading a GGUF header tells us about a model file, before loading it. */
export interface GgufSummary {
  path: string;
  sizeBytes: number;
  name: string | null;
  architecture: string | null;
  parameterCount: number | null;
  quantization: string | null;
  contextLength: number | null;
  hasChatTemplate: boolean;
}

export interface LoadOptions {
  /** Generation threads. */
  threads: number;
  /** Context size in tokens (capped at the model's training context). */
  contextSize: number;
  /** Layers to offload to the GPU: "auto" (default) = as many as fit; 0 = CPU only. Ignored without a GPU. */
  gpuLayers?: "auto" | number;
  /** Called with load progress 0..1. */
  onProgress?: (progress: number) => void;
}

/**
 * Loads and inspects model files. Errors are `TandemError`s with codes `model_missing`,
 * `model_invalid` or `model_load_failed`.
 */
export interface LocalModelRuntime {
  inspect(path: string): Promise<GgufSummary>;
  load(path: string, options: LoadOptions): Promise<LocalModel>;
  dispose(): Promise<void>;
}
