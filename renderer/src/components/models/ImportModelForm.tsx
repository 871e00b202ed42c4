import { useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import type { ModelInfo } from "../../../../app/contract/types";
import { formatParameters } from "../../lib/modelText";
import { useModelsStore } from "../../stores/modelsStore";
import { ErrorMessage } from "../common/ErrorMessage";

/**
 * Adds a .gguf file from this computer: used where it is, or copied into Tandem's models folder.
 * The header is checked first, and what it says is shown.
 */
export function ImportModelForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const [path, setPath] = useState("");
  const [copy, setCopy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<ModelInfo | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setAdded(null);
    const result = await useModelsStore.getState().importModel(path.trim(), copy);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setAdded(result.value);
    setPath("");
  };
  return (
    <form
      className="add-model-form"
      aria-label="Add a model"
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) void submit();
      }}
    >
      <label htmlFor="model-path">Path to a .gguf model file</label>
      <div className="field-row">
        <input
          id="model-path"
          type="text"
          value={path}
          placeholder="/home/you/models/model.gguf"
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          aria-invalid={error !== null}
          aria-describedby={error ? "model-path-error" : "model-path-hint"}
          onChange={(e) => {
            setPath(e.target.value);
            // An error about a path that is no longer in the box would be stale.
            if (!e.target.value.trim()) setError(null);
          }}
        />
        <button type="submit" className="button primary" disabled={busy || !path.trim()}>
          {busy ? "Checking…" : "Add model"}
        </button>
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={copy} onChange={(e) => setCopy(e.target.checked)} /> Copy the file into Tandem's
        models folder
      </label>
      {error ? (
        <ErrorMessage error={error} id="model-path-error" />
      ) : (
        <p id="model-path-hint" className="field-hint" role="status">
          {added
            ? describeImport(added)
            : "Tandem checks the file's header before adding it; without “copy” it stays where it is."}
        </p>
      )}
    </form>
  );
}

function describeImport(m: ModelInfo): string {
  const facts = [
    m.architecture,
    formatParameters(m.parameterCount),
    m.quantization,
    m.contextLength ? `${m.contextLength.toLocaleString()} tokens of context` : null,
  ];
  const template = m.hasChatTemplate ? "chat template found" : "no chat template (a generic chat format will be used)";
  return `Added “${m.name}”: ${[...facts.filter(Boolean), template].join(" · ")}.`;
}
