import { useSettingsStore } from "../../stores/settingsStore";
import { useUiStore } from "../../stores/uiStore";
import { Switch } from "../common/Switch";

/** Settings → Privacy: step 5 of Hybrid mode on or off. Applies from the next answer on. */
export function ThoroughCheckSetting({ on }: { on: boolean }) {
  const change = async (value: boolean) => {
    const result = await useSettingsStore.getState().update({ thoroughModelCheck: value });
    if (!result.ok) useUiStore.getState().showNotice(result.error);
  };
  return (
    <div className="thorough-check-setting">
      <Switch
        checked={on}
        label="Thorough check with the local model"
        showLabel
        describedBy="thorough-check-hint"
        onChange={(value) => void change(value)}
      />
      <p className="field-hint" id="thorough-check-hint">
        In Hybrid mode, after the rules have replaced your private details, the local model reads the instruction and
        the draft once more for anything they missed (up to 15 seconds per answer). Slower, and more private.
      </p>
    </div>
  );
}
