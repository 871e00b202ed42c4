import { shortcutHint } from "../../keyboard/shortcutHint";
import { useSettingsStore } from "../../stores/settingsStore";
import { useUiStore } from "../../stores/uiStore";
import { Switch } from "../common/Switch";

/** Global Offline mode, always in reach (sidebar footer). Bound to `settings.offline`. */
export function OfflineSwitch() {
  const offline = useSettingsStore((s) => s.settings?.offline ?? false);
  return (
    <div className="offline-switch">
      <Switch
        checked={offline}
        label="Offline mode"
        showLabel
        describedBy="offline-hint"
        hint={shortcutHint("toggle-offline", "Offline mode")}
        onChange={(on) => void setOffline(on)}
      />
      <span id="offline-hint" className="sr-only">
        When on, nothing leaves this device; Hybrid and Cloud answer locally.
      </span>
    </div>
  );
}

export async function setOffline(offline: boolean): Promise<void> {
  const result = await useSettingsStore.getState().update({ offline });
  if (!result.ok) useUiStore.getState().showNotice(result.error);
}
