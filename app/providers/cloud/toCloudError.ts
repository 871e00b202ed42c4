import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from "openai";
import { TandemError } from "../../contract/errors";
import { CloudError } from "./CloudError";

export interface FailureContext {
  /** "request" = before the response started; "stream" = while reading an answer that had started. */
  phase: "request" | "stream";
  host: string;
  model: string;
  timeoutMs: number;
  hasKey: boolean;
  /**
   * Takes the API key out of a provider's own words before they are quoted: some providers echo
   * the key in an error, and the message reaches the UI, the database and the proxy's apps.
   */
  hideKey?: (text: string) => string;
}

/** Maps whatever the SDK (or fetch under it) threw to a `CloudError` with an actionable message. */
export function toCloudError(error: unknown, context: FailureContext): TandemError {
  if (error instanceof TandemError) return error;
  // A fetch passed in by the host (e.g. the offline guard) may refuse with its own TandemError.
  if (error instanceof APIConnectionError && error.cause instanceof TandemError) return error.cause;
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError)
    return timeoutError(context, error);
  if (error instanceof APIConnectionError) {
    return new CloudError(
      "cloud_unreachable",
      `Could not reach the cloud provider at ${context.host}. Check the base URL in Settings → Cloud and your network connection.`,
      { cause: error },
    );
  }
  if (error instanceof APIError) return fromStatus(error, context);
  if (error instanceof SyntaxError || (error instanceof OpenAIError && context.phase === "request")) {
    const what =
      context.phase === "stream"
        ? "a malformed stream (data that is not valid JSON)"
        : "a reply that is not OpenAI-compatible";
    return new CloudError(
      "cloud_bad_response",
      `The cloud provider at ${context.host} sent ${what}. Check that the base URL points at an OpenAI-compatible API (usually ending in /v1), or try again.`,
      { cause: error },
    );
  }
  if (context.phase === "stream") {
    return new CloudError(
      "cloud_stream_broken",
      `The connection to the cloud provider at ${context.host} broke off in the middle of the answer. Try again.`,
      { cause: error },
    );
  }
  return new CloudError(
    "cloud_unreachable",
    `Could not reach the cloud provider at ${context.host}. Check the base URL in Settings → Cloud and your network connection.`,
    { cause: error },
  );
}

export function timeoutError(context: FailureContext, cause?: unknown): CloudError {
  const seconds = Math.round(context.timeoutMs / 100) / 10;
  const what = context.phase === "stream" ? "sent nothing more for" : "did not answer within";
  return new CloudError(
    "cloud_timeout",
    `The cloud provider at ${context.host} ${what} ${seconds} s. Try again later, or check the endpoint in Settings → Cloud.`,
    { cause },
  );
}

function fromStatus(error: APIError, context: FailureContext): CloudError {
  const status = typeof error.status === "number" ? error.status : null;
  const base = { status, cause: error };
  const reason = providerReason(error, context);
  if (status === 401) {
    const message = context.hasKey
      ? "The cloud provider rejected the API key (401). Check the key in Settings → Cloud."
      : "The cloud provider needs an API key (401). Add one in Settings → Cloud.";
    return new CloudError("cloud_auth", message, base);
  }
  if (status === 403) {
    return new CloudError(
      "cloud_auth",
      `The cloud provider refused access with this API key (403)${reason}. Check the key and that it may use "${context.model}" in Settings → Cloud.`,
      base,
    );
  }
  if (status === 404) {
    return new CloudError(
      "cloud_model_not_found",
      `The cloud provider does not know the model "${context.model}" (404), or the base URL is wrong (it usually ends in /v1). Check both in Settings → Cloud; Test connection lists the models.`,
      base,
    );
  }
  if (status === 429) return rateLimitError(error, base);
  if (status === null) {
    return new CloudError(
      "cloud_server_error",
      `The cloud provider reported an error in the middle of the answer${reason}. Try again.`,
      base,
    );
  }
  if (status >= 500)
    return new CloudError(
      "cloud_server_error",
      `The cloud provider at ${context.host} had an internal error (${status}). Try again later.`,
      base,
    );
  return new CloudError(
    "cloud_bad_request",
    `The cloud provider refused the request (${status})${reason}. Check the model and settings in Settings → Cloud.`,
    base,
  );
}

function rateLimitError(error: APIError, base: { status: number | null; cause: unknown }): CloudError {
  if (error.code === "insufficient_quota") {
    return new CloudError(
      "cloud_rate_limited",
      "The cloud provider says this API key has run out of quota (429). Check the account's plan and billing.",
      base,
    );
  }
  const seconds = retryAfterSeconds(error.headers);
  const message =
    seconds === null
      ? "Rate limited by the provider; wait a moment and try again."
      : `Rate limited by the provider; try again in ${seconds} s.`;
  return new CloudError("cloud_rate_limited", message, { ...base, retryAfterSeconds: seconds });
}

/** `retry-after-ms`, or `retry-after` as seconds or an HTTP date, rounded up to whole seconds. */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms / 1000);
  const value = headers?.get("retry-after")?.trim();
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The provider's own reason, shortened: shown to the user (it never reaches the logs). */
function providerReason(error: APIError, context: FailureContext): string {
  const detail = (error.error as { message?: unknown } | undefined)?.message;
  if (typeof detail !== "string" || !detail.trim()) return "";
  // Before the cut at 200 characters, so no part of a key survives it.
  const text = (context.hideKey?.(detail) ?? detail).trim().replace(/\s+/g, " ");
  return `: ${text.length > 200 ? `${text.slice(0, 199)}…` : text}`;
}
