import type { HybridStrategy } from "../../../../app/contract/types";
import { STRATEGY_DESCRIPTIONS, STRATEGY_LABELS } from "../../lib/modeText";
import { useSettingsStore } from "../../stores/settingsStore";
import { useUiStore } from "../../stores/uiStore";

const STRATEGIES: readonly HybridStrategy[] = ["sketch-refine", "cloud-outline"];

/** How Hybrid mode splits the work between the local and the cloud model. Applies at once. */
export function HybridStrategySetting({ strategy }: { strategy: HybridStrategy }) {
  const choose = async (value: HybridStrategy) => {
    const result = await useSettingsStore.getState().update({ hybridStrategy: value });
    if (!result.ok) useUiStore.getState().showNotice(result.error);
  };
  return (
    <fieldset className="strategy-setting">
      <legend>Hybrid strategy</legend>
      {STRATEGIES.map((s) => (
        <label key={s} className={`strategy-option${strategy === s ? " checked" : ""}`}>
          <input
            type="radio"
            name="hybrid-strategy"
            value={s}
            checked={strategy === s}
            aria-describedby={`strategy-${s}`}
            onChange={() => void choose(s)}
          />
          <span className="strategy-name">{STRATEGY_LABELS[s]}</span>
          <span className="strategy-description" id={`strategy-${s}`}>
            {STRATEGY_DESCRIPTIONS[s]}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
