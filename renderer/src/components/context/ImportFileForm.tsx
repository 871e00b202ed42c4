import { useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import { useContextStore } from "../../stores/contextStore";
import { ErrorMessage } from "../common/ErrorMessage";
import { ScopeSelect } from "./ScopeSelect";

/**
 * Imports a document by its path on this computer (the browser host has no file dialog). The
 * host reads it; its verdict (scanned PDF without text, unsupported type…) shows under the field.
 */
export function ImportFileForm() {
  const [path, setPath] = useState("");
  const [scope, setScope] = useState("");
  const [error, setError] = useState<ErrorData | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setAdded(null);
    const result = await useContextStore.getState().addFile({ path: path.trim(), conversationId: scope || undefined });
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (!result.ok) return;
    setAdded(result.value.title);
    setPath("");
  };
  return (
    <form
      className="settings-form wide add-form"
      aria-label="Import a document"
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) void submit();
      }}
    >
      <h3>Import a document</h3>
      <label htmlFor="import-path">Path to a file on this computer</label>
      <input
        id="import-path"
        type="text"
        value={path}
        placeholder="/home/you/Documents/lease.pdf"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error !== null}
        aria-describedby={error ? "import-error" : "import-hint"}
        onChange={(e) => setPath(e.target.value)}
      />
      <p id="import-hint" className="field-hint">
        Text from .txt, .md, .pdf, .docx and .eml files. Tandem keeps a copy of the text, not the file.
      </p>
      <ScopeSelect id="import-scope" value={scope} onChange={setScope} />
      {error && <ErrorMessage error={error} id="import-error" />}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || !path.trim()}>
          {busy ? "Reading…" : "Import"}
        </button>
        <span className="field-hint" role="status">
          {added ? `Imported “${added}”.` : ""}
        </span>
      </div>
    </form>
  );
}
