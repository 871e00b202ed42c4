import type { PrivacyMode } from "../../../../app/contract/types";
import { MODE_LABELS } from "../../lib/modeText";

/** Marks in the conversation where a mode switch takes effect: the messages after it. */
export function ModeChangeNote({ mode }: { mode: PrivacyMode }) {
  return (
    <p className={`mode-change mode-${mode}`} role="status">
      <span>Switched to {MODE_LABELS[mode]} — applies from the next message on</span>
    </p>
  );
}
