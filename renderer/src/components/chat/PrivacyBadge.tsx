import type { PrivacyMode } from "../../../../app/contract/types";
import { MODE_DESCRIPTIONS, MODE_LABELS, OFFLINE_AUTO_DESCRIPTION, OFFLINE_MODE_DESCRIPTION } from "../../lib/modeText";
import { useSettingsStore } from "../../stores/settingsStore";
import { Icon } from "../common/Icon";

/** States where this conversation's words go, under its title, at all times (Offline mode included). */
export function PrivacyBadge({ mode }: { mode: PrivacyMode }) {
  const offline = useSettingsStore((s) => s.settings?.offline ?? false);
  const offlineText = mode === "auto" ? OFFLINE_AUTO_DESCRIPTION : OFFLINE_MODE_DESCRIPTION;
  const text = offline && mode !== "private" ? `${MODE_LABELS[mode]} — ${offlineText}` : MODE_DESCRIPTIONS[mode];
  return (
    <span id="mode-description" className={`privacy-badge mode-${mode}`}>
      <Icon name={mode === "private" ? "lock" : mode === "hybrid" || mode === "auto" ? "hybrid" : "cloud"} size={14} />
      {text}
    </span>
  );
}
