/**
 * Errors that cross the UI ↔ back-end boundary travel as plain data: `{ code, message }`.
 * Never rely on `instanceof` across the bridge; the renderer maps `code` to its own text
 * (see renderer/src/errorText.ts) and falls back to `message`.
 */
export const ERROR_CODES = [
  /** The payload did not match the channel's schema. A bug in the caller, not the user's fault. */
  "invalid_request",
  /** The browser host got no or a wrong per-start token, or a cross-origin request. */
  "unauthorized",
  /** A conversation, message or model id that does not exist (any more). */
  "not_found",
  /** No local model has been added/selected yet. */
  "no_model",
  /** The file is not a GGUF model, or is truncated/corrupt. */
  "model_invalid",
  /** The file does not exist or cannot be read. */
  "model_missing",
  /** llama.cpp could not load the model (e.g. not enough memory, unsupported architecture). */
  "model_load_failed",
  /** Generation failed inside the local model. */
  "generation_failed",
  /** A generation is already running in this conversation. */
  "busy",
  /** The request is too large (e.g. a 10 MB paste above the limit). */
  "too_large",
  /** Anything unexpected: a bug. The message says what happened; logs have the details. */
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorData {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/**
 * The base class for every expected failure in the core. `code` is what crosses the bridge;
 * `cause` keeps the wrapped SDK/native error for logs.
 */
export class TandemError extends Error {
  override readonly name = "TandemError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function toErrorData(error: unknown): ErrorData {
  if (error instanceof TandemError) return { code: error.code, message: error.message };
  if (isErrorData(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return { code: "internal", message: `Unexpected error: ${detail}` };
}

export function isErrorData(value: unknown): value is ErrorData {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === "string";
}
