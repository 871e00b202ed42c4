import { toErrorData, type ErrorCode } from "../contract/errors";
import { errorBody } from "./openAiShapes";

/** HTTP status and OpenAI error type per Tandem error code; anything else is a 500. */
const STATUS: Partial<Record<ErrorCode, [number, string]>> = {
  invalid_request: [400, "invalid_request_error"],
  too_large: [413, "invalid_request_error"],
  egress_blocked: [403, "tandem_privacy_error"],
  busy: [409, "tandem_busy"],
  offline: [503, "tandem_offline"],
  cloud_not_configured: [503, "tandem_not_configured"],
  no_model: [503, "tandem_not_configured"],
  cloud_bad_request: [400, "upstream_error"],
  cloud_rate_limited: [429, "rate_limit_error"],
  cloud_timeout: [504, "upstream_error"],
  cloud_auth: [502, "upstream_error"],
  cloud_model_not_found: [502, "upstream_error"],
  cloud_server_error: [502, "upstream_error"],
  cloud_unreachable: [502, "upstream_error"],
  cloud_stream_broken: [502, "upstream_error"],
  cloud_bad_response: [502, "upstream_error"],
};

/**
 * Any failure as an OpenAI-shaped error. Expected errors keep their message (it names types and
 * hosts, never values); a bug becomes a generic message, since its text may quote the request.
 */
export function proxyError(error: unknown): {
  status: number;
  body: ReturnType<typeof errorBody>;
  retryAfterSeconds: number | null;
} {
  const data = toErrorData(error);
  const known = STATUS[data.code];
  const retryAfterSeconds = (error as { retryAfterSeconds?: number | null }).retryAfterSeconds ?? null;
  if (!known)
    return {
      status: 500,
      body: errorBody(
        "Tandem's privacy proxy failed on this request. Nothing was sent; see Tandem's log for details.",
        "server_error",
        "internal",
      ),
      retryAfterSeconds: null,
    };
  return { status: known[0], body: errorBody(data.message, known[1], data.code), retryAfterSeconds };
}
