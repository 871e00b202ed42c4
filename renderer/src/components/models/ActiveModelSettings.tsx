import { modelDisplayName } from "../../../../app/contract/modelDisplayName";
import { useEffect, useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import type { ModelInfo } from "../../../../app/contract/types";
import { useModelsStore } from "../../stores/modelsStore";
import { useSettingsStore } from "../../stores/settingsStore";
import { ErrorMessage } from "../common/ErrorMessage";

/** Load settings of the active model: context size, GPU layers (auto by default) and threads. */
export function ActiveModelSettings() {
  const model = useSettingsStore((s) => s.models.find((m) => m.id === s.settings?.activeModelId));
  if (!model) return null;
  return <ModelSettingsForm key={model.id} model={model} />;
}

const toField = (value: number | null) => (value === null ? "" : String(value));
const toValue = (field: string) => (field.trim() === "" ? null : Number(field));

function ModelSettingsForm({ model }: { model: ModelInfo }) {
  const [contextSize, setContextSize] = useState(toField(model.settings.contextSize));
  const [gpuLayers, setGpuLayers] = useState(
    model.settings.gpuLayers === "auto" ? "" : String(model.settings.gpuLayers),
  );
  const [threads, setThreads] = useState(toField(model.settings.threads));
  const [error, setError] = useState<ErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [contextSize, gpuLayers, threads]);
  const save = async () => {
    setError(null);
    const result = await useModelsStore.getState().updateModel({
      id: model.id,
      contextSize: toValue(contextSize),
      gpuLayers: gpuLayers.trim() === "" ? "auto" : Number(gpuLayers),
      threads: toValue(threads),
    });
    if (!result.ok) return setError(result.error);
    setSaved(true);
  };
  return (
    <form
      className="model-settings"
      aria-label={`Settings for ${modelDisplayName(model)}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="field-hint">
        For {modelDisplayName(model)}; empty fields use the general settings. Applied when the model next loads.
      </p>
      <div className="model-settings-grid">
        <label htmlFor="model-context">Context size for this model (tokens)</label>
        <input
          id="model-context"
          type="number"
          min={256}
          max={131072}
          step={256}
          placeholder="default"
          value={contextSize}
          onChange={(e) => setContextSize(e.target.value)}
        />
        <label htmlFor="model-gpu-layers">GPU layers for this model</label>
        <input
          id="model-gpu-layers"
          type="number"
          min={0}
          max={1000}
          placeholder="auto"
          value={gpuLayers}
          onChange={(e) => setGpuLayers(e.target.value)}
        />
        <label htmlFor="model-threads">Threads for this model</label>
        <input
          id="model-threads"
          type="number"
          min={1}
          max={256}
          placeholder="default"
          value={threads}
          onChange={(e) => setThreads(e.target.value)}
        />
      </div>
      <div className="field-row">
        <button type="submit" className="button">
          Save model settings
        </button>
        <span className="field-hint" role="status">
          {saved ? "Saved." : ""}
        </span>
      </div>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
