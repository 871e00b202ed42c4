import { useChatStore } from "../../stores/chatStore";
import { switchMode } from "../../stores/switchMode";
import type { RouteView } from "../../lib/readStages";
import { Icon } from "../common/Icon";

/**
 * Auto mode (issue #16): under each answer, where it was made and why. On the last answer the
 * user can ask the same message the other way, or keep the whole conversation on the device.
 */
export function RouteBadge({ route, canAct }: { route: RouteView; canAct: boolean }) {
  const busy = useChatStore((s) => s.inFlight > 0 || s.messages.some((m) => m.status === "streaming"));
  const local = route.route === "local";
  return (
    <div className={`route-badge route-${route.route}`} role="note" aria-label="Where this answer was made">
      <Icon name={local ? "lock" : "hybrid"} size={14} />
      <span className="route-reason">{route.reason}</span>
      {canAct && (
        <span className="route-actions">
          <button
            type="button"
            className="text-button"
            disabled={busy}
            onClick={() => void useChatStore.getState().reask(local ? "hybrid" : "local")}
          >
            {local ? "Ask through the cloud instead" : "Answer on this device instead"}
          </button>
          <button type="button" className="text-button" disabled={busy} onClick={() => void switchMode("private")}>
            Always answer this conversation on the device
          </button>
        </span>
      )}
    </div>
  );
}
