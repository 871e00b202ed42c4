import type { TandemError } from "../../contract/errors";
import type { MessageStage, ModelCheckReport } from "../../contract/types";
import type { SanitizedParts } from "./sanitizeForCloud";
import type { CloudExchange, SentRecord } from "./sendThroughGate";

/**
 * What the cloud step of one answer did, as an immutable record the strategy hands on to
 * `AnswerRun.finish` (issue #14: no shared mutable bag). Exactly one of three outcomes:
 * answered (`exchange`), stopped before anything was sent (neither), or failed for an expected
 * reason (`failure`: offline, blocked, not configured, any cloud error) — in which case `sent`
 * still says whether the request had left.
 */
export interface CloudRecord {
  /** What was sanitized for the request (Hybrid); null in Cloud mode. */
  readonly sanitized: SanitizedParts | null;
  /** Step 5 on the request; null when nothing was sanitized. */
  readonly modelCheck: ModelCheckReport | null;
  /** The gate's audit record, once the request was handed to the provider. */
  readonly sent: SentRecord | null;
  readonly exchange: CloudExchange | null;
  readonly failure: TandemError | null;
  /** "sanitized" (the exact payload) once it left, then "cloud" (the answer as received, partial on failure). */
  readonly stages: readonly MessageStage[];
}

/** A cloud step that failed before anything was sanitized or sent (e.g. no cloud set up). */
export function failedBeforeSending(failure: TandemError): CloudRecord {
  return Object.freeze({ sanitized: null, modelCheck: null, sent: null, exchange: null, failure, stages: [] });
}
