import { useSettingsStore } from "../../stores/settingsStore";
import { useUiStore } from "../../stores/uiStore";
import { Icon } from "../common/Icon";
import { setOffline } from "./OfflineSwitch";

/**
 * The network went away: offer Offline mode — never switch on our own, the user decides.
 * Dismissed until the next time the connection drops.
 */
export function NetworkNotice() {
  const online = useUiStore((s) => s.networkOnline);
  const dismissed = useUiStore((s) => s.networkNoticeDismissed);
  const offline = useSettingsStore((s) => s.settings?.offline ?? false);
  if (online || dismissed || offline) return null;
  return (
    <div className="network-notice" role="alert">
      <Icon name="offline" size={16} />
      <p>
        This computer seems to have lost its network connection. Turn on Offline mode, so Hybrid and Cloud answer
        locally?
      </p>
      <div className="network-notice-actions">
        <button type="button" className="button primary" onClick={() => void setOffline(true)}>
          Turn on Offline mode
        </button>
        <button type="button" className="button ghost" onClick={() => useUiStore.getState().dismissNetworkNotice()}>
          Not now
        </button>
      </div>
    </div>
  );
}
