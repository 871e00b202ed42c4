import type { PrivacyMode } from "../../../app/contract/types";
import { Icon } from "./Icon";

const LABELS: Record<PrivacyMode, string> = {
  private: "Private — nothing leaves this device",
  hybrid: "Hybrid — only placeholders reach the cloud",
  cloud: "Cloud — sent to a cloud model",
};

/** States where this conversation's words go; Private is the default and the only mode yet. */
export function PrivacyBadge({ mode }: { mode: PrivacyMode }) {
  return (
    <span className={`privacy-badge mode-${mode}`}>
      <Icon name="lock" size={14} />
      {LABELS[mode]}
    </span>
  );
}
