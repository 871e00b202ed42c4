import { useEffect, useRef, useState } from "react";
import { modelLabel } from "../../lib/modelText";
import { useModelsStore, wireModelEvents } from "../../stores/modelsStore";
import { useSettingsStore } from "../../stores/settingsStore";
import { useUiStore } from "../../stores/uiStore";
import { Icon } from "../common/Icon";

/**
 * The active model (real name, size, quantization; "loading…" while llama.cpp reads it) as a
 * chip that opens a switcher among the added models. The choice applies from the next answer.
 */
export function ModelStatus() {
  const { settings, models, loadingModelId } = useSettingsStore();
  const model = models.find((m) => m.id === settings?.activeModelId);
  const progress = useModelsStore((s) => (s.loadProgress?.modelId === loadingModelId ? s.loadProgress.progress : null));
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(wireModelEvents, []);
  useCloseOnOutside(box, open, () => setOpen(false));
  if (!model) return null;
  const loading = loadingModelId !== null;
  const choose = async (id: string) => {
    setOpen(false);
    if (id === model.id) return;
    const result = await useSettingsStore.getState().update({ activeModelId: id });
    if (!result.ok) useUiStore.getState().showNotice(result.error);
  };
  const toggle = () => {
    // Re-read the list on opening: a model may have been added elsewhere (CLI, another window).
    if (!open) void useSettingsStore.getState().load();
    setOpen(!open);
  };
  return (
    <div
      className="model-switcher"
      ref={box}
      onKeyDown={(e) => e.key === "Escape" && open && (e.stopPropagation(), setOpen(false))}
    >
      <button
        type="button"
        className="model-status"
        title={model.path}
        aria-expanded={open}
        aria-controls="model-menu"
        onClick={toggle}
      >
        <Icon name="chip" size={14} />
        <span className="model-status-name">{modelLabel(model)}</span>
        {/* The percentage is for the eye only: read out at every step it would be noise. */}
        <span role="status" className="loading-text">
          {loading && (
            <>
              {" "}
              · loading…<span aria-hidden="true">{progress !== null && ` ${Math.round(progress * 100)}%`}</span>
            </>
          )}
        </span>
      </button>
      {open && (
        <fieldset id="model-menu" className="model-menu">
          <legend>Model for the next answers</legend>
          {models.map((m) => (
            <label key={m.id} className="model-option">
              <input
                type="radio"
                name="active-model"
                checked={m.id === model.id}
                onChange={() => void choose(m.id)}
                autoFocus={m.id === model.id}
              />
              <span>{modelLabel(m)}</span>
            </label>
          ))}
          <button
            type="button"
            className="link-button"
            onClick={() => (setOpen(false), useUiStore.getState().showSettings("models"))}
          >
            Add or manage models…
          </button>
        </fieldset>
      )}
    </div>
  );
}

/** Closes the popover on a click outside it. */
function useCloseOnOutside(box: React.RefObject<HTMLDivElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => !box.current?.contains(e.target as Node) && close();
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [box, open, close]);
}
