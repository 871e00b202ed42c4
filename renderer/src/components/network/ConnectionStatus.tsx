import { useUiStore } from "../../stores/uiStore";

/** Shown only when the event stream to the host is down (browser host restarted, laptop slept…). */
export function ConnectionStatus() {
  const connection = useUiStore((s) => s.connection);
  if (connection !== "reconnecting") return null;
  return (
    <p className="connection-status" role="status">
      <span className="pulse" aria-hidden="true" /> Reconnecting to Tandem…
    </p>
  );
}
