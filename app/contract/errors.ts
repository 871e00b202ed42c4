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
  /** The cloud base URL or model is missing or not a valid http(s) URL. */
  "cloud_not_configured",
  /** The provider rejected the API key (401) or refused access with it (403). */
  "cloud_auth",
  /** The provider does not know the model, or the base URL path is wrong (404). */
  "cloud_model_not_found",
  /** Too many requests or out of quota (429); the message says when to retry if the provider did. */
  "cloud_rate_limited",
  /** The provider refused the request as invalid (400/422, other 4xx); its reason is in the message. */
  "cloud_bad_request",
  /** The provider failed (5xx) or reported an error inside the stream. */
  "cloud_server_error",
  /** No answer, or no further stream data, within the timeout. */
  "cloud_timeout",
  /** The endpoint could not be reached (DNS, refused, TLS, reset before an answer). */
  "cloud_unreachable",
  /** The stream broke off (connection cut, or ended without a finish) before the answer was complete. */
  "cloud_stream_broken",
  /** The provider answered with data that is not OpenAI-compatible (malformed SSE/JSON). */
  "cloud_bad_response",
  /** The secrets file is readable by other users; Tandem refuses to use it until fixed. */
  "secrets_insecure",
  /** The secrets file exists but is not valid. */
  "secrets_corrupt",
  /** A context file (PDF, .docx, e-mail, text) is corrupt, encrypted or not what its name says. */
  "context_unreadable",
  /** A context file of a kind Tandem cannot read (e.g. .xlsx, images). */
  "context_unsupported",
  /** A context file or note with no text to use (e.g. a scanned PDF without a text layer). */
  "context_empty",
  /** The egress gate found private items in an outbound cloud request and did not send it. */
  "egress_blocked",
  /** The download address answered 404 (or 401/403 for a gated model): nothing to download there. */
  "download_not_found",
  /** The download server could not be reached (no network, DNS, refused). */
  "download_unreachable",
  /** The connection dropped and did not come back; the partial file is kept for a resume. */
  "download_interrupted",
  /** Not enough free disk space for the model. */
  "download_disk_full",
  /** The downloaded file is not what was expected: wrong size or SHA-256, or not a complete GGUF model. */
  "download_corrupt",
  /** Any other download failure; the message says what happened. */
  "download_failed",
  /** Offline mode is on: every cloud request is refused. */
  "offline",
  /** A file to import is not a Tandem export, a ChatGPT export or a transcript, or it is damaged. */
  "import_invalid",
  /** The file is encrypted and no passphrase was given. */
  "passphrase_required",
  /** The passphrase does not open the file (or the file was changed after export). */
  "passphrase_wrong",
  /** A file to import or to export into cannot be used (missing, already exists, no permission). */
  "file_error",
  /** The data file is encrypted and the key is missing or wrong (e.g. the keychain entry was lost). */
  "db_locked",
  /** Auto mode kept a message on the device after reading its local draft (issue #16). Not a failure; never shown as one. */
  "auto_kept_local",
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
  return (
    typeof v.code === "string" && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === "string"
  );
}
