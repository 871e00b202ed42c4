import { useUiStore } from "../../stores/uiStore";
import { ErrorMessage } from "./ErrorMessage";
import { Icon } from "./Icon";

/** The app-wide alert for failures that have no inline place (send, stop, delete…). */
export function Notice() {
  const notice = useUiStore((s) => s.notice);
  const dismiss = useUiStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice">
      <ErrorMessage error={notice} />
      <button type="button" className="icon-button" onClick={dismiss} aria-label="Dismiss this message">
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
