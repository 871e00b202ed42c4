import type { MessageStatus } from "../../../../app/contract/types";

const LABELS: Partial<Record<MessageStatus, string>> = {
  stopped: "Stopped",
  interrupted: "Interrupted",
  error: "Error",
};

const HINTS: Partial<Record<MessageStatus, string>> = {
  stopped: "You stopped this answer; the text so far is kept.",
  interrupted: "Tandem closed while writing this answer; the text so far is kept.",
};

/** Marks answers that did not finish normally. Nothing for "done" or "streaming". */
export function StatusBadge({ status }: { status: MessageStatus }) {
  const label = LABELS[status];
  if (!label) return null;
  return (
    <span className={`status-badge status-${status}`} title={HINTS[status]}>
      {label}
    </span>
  );
}
