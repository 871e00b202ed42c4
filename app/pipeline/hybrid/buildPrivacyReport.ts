import type { ErrorData } from "../../contract/errors";
import type { HybridStrategy, MessageStage, ModelCheckReport, PrivacyMode, PrivacyReport } from "../../contract/types";
import { countByType, type SanitizedParts } from "./sanitizeForCloud";
import type { SentRecord } from "./sendThroughGate";

/**
 * The report stored with every Hybrid/Cloud answer (stage "report", the "What left this device"
 * panel). Besides PrivacyReport's fields, `dropped` lists placeholders whose private fact the
 * cloud's answer left out, `filled` the gaps the local re-personalization pass filled in, and
 * `localPassTokens` what that pass generated (0 = it did not run).
 */
export interface HybridReport extends PrivacyReport {
  dropped: string[];
  filled: string[];
  localPassTokens: number;
}

export interface ReportInput {
  mode: PrivacyMode;
  strategy: HybridStrategy | null;
  /** What was sanitized for the request; counted only if the request was sent. */
  sanitized: SanitizedParts | null;
  sent: SentRecord | null;
  /** Step 5 on the request; null when nothing was sanitized (Cloud mode, or the cloud step did not start). */
  modelCheck?: ModelCheckReport | null;
  unresolved?: string[];
  dropped?: string[];
  filled?: string[];
  localPassTokens?: number;
  fallback?: ErrorData | null;
}

export function buildPrivacyReport(input: ReportInput): HybridReport {
  const replaced = input.sent && input.sanitized ? input.sanitized.replaced : [];
  return {
    mode: input.mode,
    strategy: input.strategy,
    replaced: replaced.length,
    byType: countByType(replaced),
    leftDevice: input.sent?.leftDevice ?? 0,
    bytes: input.sent?.bytes ?? 0,
    endpoint: input.sent?.endpoint ?? null,
    model: input.sent?.model ?? null,
    unresolved: input.unresolved ?? [],
    fallback: input.fallback ?? null,
    dropped: input.dropped ?? [],
    filled: input.filled ?? [],
    localPassTokens: input.localPassTokens ?? 0,
    ...(input.modelCheck ? { modelCheck: input.modelCheck } : {}),
  };
}

/** The stage holding the report; its content is a one-line summary for lists and logs of the UI. */
export function reportStage(report: HybridReport): MessageStage {
  const items = report.replaced === 1 ? "1 private item" : `${report.replaced} private items`;
  const content =
    report.bytes === 0
      ? "Nothing left this device."
      : `${items} replaced, ${report.leftDevice} left the device (${report.bytes} bytes to ${report.endpoint ?? "the cloud"}).${modelCheckSummary(report.modelCheck)}`;
  return { kind: "report", content, meta: { ...report } };
}

/**
 * What the user reads when Hybrid mode answered locally because the cloud step failed: the answer
 * is the sketch ("draft") or one the local model wrote on its own ("own").
 */
export function fallbackNotice(error: ErrorData, answeredWith: "draft" | "own", sentAnything: boolean): string {
  const answer =
    answeredWith === "draft"
      ? "This answer is the local model's draft, written on this device."
      : "The local model answered on its own, on this device.";
  const sent = sentAnything ? " Only the sanitized request left this device." : "";
  return `${error.message} ${answer}${sent}`;
}

/** " Local-model check: added MEDICAL ×1." — what step 5 did, for the one-line summary. */
export function modelCheckSummary(check: ModelCheckReport | undefined): string {
  if (!check) return "";
  if (check.status === "off") return " Local-model check: off.";
  if (check.status === "failed") return " Local-model check: could not run.";
  const added = Object.entries(check.added)
    .map(([type, n]) => `${type} ×${n}`)
    .join(", ");
  const what = added ? `added ${added}` : "added nothing";
  return ` Local-model check: ${what}${check.status === "timeout" ? " (stopped at its time limit)" : ""}.`;
}
