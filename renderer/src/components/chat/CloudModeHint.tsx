import { useCloudStore } from "../../stores/cloudStore";
import { useUiStore } from "../../stores/uiStore";

/** Why Hybrid and Cloud are greyed out, with the way to fix it. Nothing once a cloud is set up. */
export function CloudModeHint() {
  const status = useCloudStore((s) => s.status);
  if (!status || status.configured) return null;
  return (
    <span id="mode-hint" className="mode-hint">
      Hybrid and Cloud need a cloud model.{" "}
      <button type="button" className="link-button" onClick={() => useUiStore.getState().showSettings("cloud")}>
        Set up the cloud
      </button>
    </span>
  );
}
