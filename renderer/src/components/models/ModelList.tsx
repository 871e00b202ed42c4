import { modelDisplayName } from "../../../../app/contract/modelDisplayName";
import { useState } from "react";
import type { ModelInfo } from "../../../../app/contract/types";
import { formatBytes } from "../../lib/formatBytes";
import { useSettingsStore } from "../../stores/settingsStore";
import { useUiStore } from "../../stores/uiStore";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { Icon } from "../common/Icon";

/** Added models: pick the active one (a radio group), or forget one. */
export function ModelList() {
  const models = useSettingsStore((s) => s.models);
  const activeId = useSettingsStore((s) => s.settings?.activeModelId ?? null);
  const [removing, setRemoving] = useState<ModelInfo | null>(null);
  const choose = async (id: string) => {
    const result = await useSettingsStore.getState().update({ activeModelId: id });
    if (!result.ok) useUiStore.getState().showNotice(result.error);
  };
  if (models.length === 0) return <p className="field-hint">No models yet.</p>;
  return (
    <>
      <fieldset className="model-fieldset">
        <legend className="sr-only">Active model</legend>
        <ul className="model-list">
          {models.map((m) => (
            <li key={m.id} className={`model-row${m.id === activeId ? " active" : ""}`}>
              <label className="model-choice">
                <input
                  type="radio"
                  name="active-model"
                  aria-label={`Use ${modelDisplayName(m)}`}
                  aria-describedby={`model-meta-${m.id}`}
                  checked={m.id === activeId}
                  onChange={() => void choose(m.id)}
                />
                <span className="model-name">{modelDisplayName(m)}</span>
                <span className="model-meta" id={`model-meta-${m.id}`}>
                  {describe(m)}
                </span>
                <span className="model-path">{m.path}</span>
              </label>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${modelDisplayName(m)}`}
                title="Remove"
                onClick={() => setRemoving(m)}
              >
                <Icon name="trash" size={15} />
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      {removing && (
        <ConfirmDialog
          title="Remove this model?"
          body={`Tandem will forget “${modelDisplayName(removing)}”. The file itself stays on disk.`}
          confirmLabel="Remove"
          onConfirm={() => {
            void useSettingsStore.getState().removeModel(removing.id);
            setRemoving(null);
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
    </>
  );
}

function describe(m: ModelInfo): string {
  const parts = [m.architecture, m.quantization, formatBytes(m.sizeBytes)];
  if (m.contextLength) parts.push(`${m.contextLength.toLocaleString()} ctx`);
  if (!m.hasChatTemplate) parts.push("no chat template");
  return parts.filter(Boolean).join(" · ");
}
