import { useState } from "react";
import type { ErrorData } from "../../../app/contract/errors";
import { useSettingsStore } from "../stores/settingsStore";
import { ErrorMessage } from "./ErrorMessage";

/**
 * Adds a local GGUF file by its path. The host checks the file's header before recording it;
 * its verdict (not a GGUF, truncated, missing…) is shown right under the field.
 */
export function AddModelForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const [path, setPath] = useState("");
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setAdded(null);
    const result = await useSettingsStore.getState().addModel(path.trim());
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setAdded(result.value.name);
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
          onChange={(e) => setPath(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={busy || !path.trim()}>
          {busy ? "Checking…" : "Add model"}
        </button>
      </div>
      {error ? (
        <ErrorMessage error={error} id="model-path-error" />
      ) : (
        <p id="model-path-hint" className="field-hint" role="status">
          {added ? `Added “${added}”.` : "The file stays where it is; Tandem only remembers its path."}
        </p>
      )}
    </form>
  );
}
