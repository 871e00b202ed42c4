import { useEffect } from "react";
import { useModelsStore, wireModelEvents } from "../stores/modelsStore";
import { useSettingsStore } from "../stores/settingsStore";
import { Icon } from "./Icon";

/** The active model's name, and "Loading…" while llama.cpp reads it into memory. */
export function ModelStatus() {
  const { settings, models, loadingModelId } = useSettingsStore();
  const model = models.find((m) => m.id === settings?.activeModelId);
  const progress = useModelsStore((s) => (s.loadProgress?.modelId === loadingModelId ? s.loadProgress.progress : null));
  useEffect(wireModelEvents, []);
  if (!model) return null;
  const loading = loadingModelId !== null;
  return (
    <span className="model-status" role="status" title={model.path}>
      <Icon name="chip" size={14} />
      {model.name}
      {/* A live region: the percentage is for the eye only, read out at every step it would be noise. */}
      {loading && <span className="loading-text"> · loading model…<span aria-hidden="true">{progress !== null && ` ${Math.round(progress * 100)}%`}</span></span>}
    </span>
  );
}
