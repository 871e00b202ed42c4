import { useSettingsStore } from "../../stores/settingsStore";
import { Icon } from "../common/Icon";

/** Shown on every screen while Offline mode is on. */
export function OfflineBanner() {
  const offline = useSettingsStore((s) => s.settings?.offline ?? false);
  if (!offline) return null;
  return (
    <div className="offline-banner" role="status">
      <Icon name="offline" size={16} />
      Offline — nothing leaves this device; Hybrid and Cloud answer locally
    </div>
  );
}
