import type { PrivacyMode } from "../../../../app/contract/types";
import { shortcutHint } from "../../keyboard/shortcutHint";
import { MODE_DESCRIPTIONS, MODE_LABELS } from "../../lib/modeText";
import { useCurrentMode } from "../../stores/currentMode";
import { useCloudStore } from "../../stores/cloudStore";
import { switchMode } from "../../stores/switchMode";
import { Icon, type IconName } from "../common/Icon";

const MODES: readonly PrivacyMode[] = ["private", "hybrid", "cloud", "auto"];
const ICONS: Record<PrivacyMode, IconName> = { private: "lock", hybrid: "hybrid", cloud: "cloud", auto: "hybrid" };

/**
 * The conversation's privacy mode, as a segmented radio group (arrow keys move between modes).
 * Auto, Hybrid and Cloud need a cloud model; until one is set up they are disabled and point to
 * Settings (see CloudModeHint). A switch applies from the next message on.
 */
export function ModeSwitch() {
  const mode = useCurrentMode();
  const cloudReady = useCloudStore((s) => s.status?.configured ?? false);
  return (
    <fieldset className="mode-switch" {...shortcutHint("switch-mode", "Switch privacy mode")}>
      <legend className="sr-only">Privacy mode of this conversation</legend>
      <div className="segmented compact">
        {MODES.map((m) => {
          const disabled = m !== "private" && !cloudReady && mode !== m;
          const classes = [mode === m ? "checked" : "", disabled ? "disabled" : "", `mode-${m}`]
            .filter(Boolean)
            .join(" ");
          return (
            <label
              key={m}
              className={classes}
              title={disabled ? "Set up a cloud model in Settings first" : MODE_DESCRIPTIONS[m]}
            >
              <input
                type="radio"
                name="conversation-mode"
                value={m}
                checked={mode === m}
                disabled={disabled}
                aria-describedby={disabled ? "mode-hint" : "mode-description"}
                onChange={() => void switchMode(m)}
              />
              <Icon name={ICONS[m]} size={14} />
              {MODE_LABELS[m]}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
