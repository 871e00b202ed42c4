import type { Channel } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import { isErrorData } from "../../../app/contract/errors";

/** What a call says when the host could not be reached at all (it is restarting, or was closed). */
export const UNREACHABLE_TEXT = "Tandem is not reachable. Check that it is still running, then try again.";

export const UNAUTHORIZED_TEXT =
  "This page needs the link Tandem printed at start (with its #token). Open that link again.";

/**
 * One contract call over the browser host's HTTP protocol: `POST /api/<channel>` with the
 * request as JSON. The host always answers 200 with a Result, except 401 for a bad token.
 * Network failures become a Result too, so callers handle one shape.
 */
export async function httpCall(
  token: string,
  channel: Channel,
  request: unknown,
  onUnauthorized: () => void,
): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(request),
    });
  } catch {
    return failure("internal", UNREACHABLE_TEXT);
  }
  if (response.status === 401) {
    onUnauthorized();
    return failure("unauthorized", UNAUTHORIZED_TEXT);
  }
  return readResult(response);
}

async function readResult(response: Response): Promise<Result<unknown>> {
  try {
    const body: unknown = await response.json();
    if (isResult(body)) return body;
  } catch {
    // Fall through: not JSON.
  }
  return failure("internal", `Tandem sent an unexpected reply (HTTP ${response.status}).`);
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== "object" || body === null) return false;
  const b = body as Record<string, unknown>;
  return (b.ok === true && "value" in b) || (b.ok === false && isErrorData(b.error));
}

function failure(code: "internal" | "unauthorized", message: string): Result<unknown> {
  return { ok: false, error: { code, message } };
}
