import type { AppSettings } from "../../../../app/contract/types";
import { useSettingsStore } from "../../stores/settingsStore";
import { useUiStore } from "../../stores/uiStore";

const OPTIONS: { value: AppSettings["theme"]; label: string }[] = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** Light, dark, or follow the operating system. Applies at once. */
export function ThemeSetting({ theme }: { theme: AppSettings["theme"] }) {
  const choose = async (value: AppSettings["theme"]) => {
    const result = await useSettingsStore.getState().update({ theme: value });
    if (!result.ok) useUiStore.getState().showNotice(result.error);
  };
  return (
    <fieldset className="theme-setting">
      <legend>Theme</legend>
      <div className="segmented">
        {OPTIONS.map((o) => (
          <label key={o.value} className={theme === o.value ? "checked" : undefined}>
            <input
              type="radio"
              name="theme"
              value={o.value}
              checked={theme === o.value}
              onChange={() => void choose(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
