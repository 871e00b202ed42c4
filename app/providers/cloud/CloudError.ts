import { TandemError, type ErrorCode } from "../../contract/errors";

/**
 * A cloud failure: a `TandemError` (so it crosses the bridge as `{code, message}`) that also
 * keeps what the pipeline may act on — the HTTP status and how long the provider asked to wait.
 */
export class CloudError extends TandemError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly details: { status?: number | null; retryAfterSeconds?: number | null; cause?: unknown } = {},
  ) {
    super(code, message, { cause: details.cause });
  }

  get status(): number | null {
    return this.details.status ?? null;
  }

  get retryAfterSeconds(): number | null {
    return this.details.retryAfterSeconds ?? null;
  }
}
