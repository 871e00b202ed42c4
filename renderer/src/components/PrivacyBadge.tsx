import type { PrivacyMode } from "../../../app/contract/types";
import { MODE_DESCRIPTIONS } from "../lib/modeText";
import { Icon } from "./Icon";

/** States where this conversation's words go, under its title, at all times. */
export function PrivacyBadge({ mode }: { mode: PrivacyMode }) {
  return (
    <span id="mode-description" className={`privacy-badge mode-${mode}`}>
      <Icon name={mode === "private" ? "lock" : mode === "hybrid" || mode === "auto" ? "hybrid" : "cloud"} size={14} />
      {MODE_DESCRIPTIONS[mode]}
    </span>
  );
}
