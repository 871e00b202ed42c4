import { useState } from "react";
import { MIN_PASSPHRASE_CHARS } from "../../../../app/contract/channels";
import type { ErrorData } from "../../../../app/contract/errors";
import type { ExportedFile } from "../../../../app/contract/types";
import { downloadFile } from "../../lib/downloadFile";
import { formatBytes } from "../../lib/formatBytes";
import { useDataStore } from "../../stores/dataStore";
import { ErrorMessage } from "../common/ErrorMessage";

/** Export everything, optionally encrypted, as a download (or to a path the user types). */
export function ExportDataForm() {
  const [passphrase, setPassphrase] = useState("");
  const [path, setPath] = useState("");
  const [error, setError] = useState<ErrorData | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setDone(null);
    if (passphrase && passphrase.length < MIN_PASSPHRASE_CHARS) {
      return setError({
        code: "invalid_request",
        message: `Use a passphrase of at least ${MIN_PASSPHRASE_CHARS} characters, or none.`,
      });
    }
    setBusy(true);
    const result = await useDataStore
      .getState()
      .exportAll({ passphrase: passphrase || undefined, path: path.trim() || undefined });
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (!result.ok) return;
    if (result.value.content !== null) downloadFile(result.value.fileName, result.value.mime, result.value.content);
    setDone(describe(result.value));
  };
  return (
    <form
      className="data-block"
      aria-labelledby="export-all-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="export-all-heading">Export everything</h3>
      <p className="field-hint">
        Conversations, private context, profile and settings in one JSON file. API keys and model files are never
        included.
      </p>
      <label htmlFor="export-passphrase">Passphrase (optional)</label>
      <input
        id="export-passphrase"
        type="password"
        autoComplete="new-password"
        value={passphrase}
        aria-describedby="export-passphrase-hint"
        onChange={(e) => setPassphrase(e.target.value)}
      />
      <p id="export-passphrase-hint" className="field-hint">
        Encrypts the file (AES-256, at least {MIN_PASSPHRASE_CHARS} characters). Without one, anyone who has the file
        can read it. A forgotten passphrase cannot be recovered.
      </p>
      <label htmlFor="export-path">Save to a path instead of downloading (optional)</label>
      <input
        id="export-path"
        type="text"
        value={path}
        placeholder="/home/you/Documents/tandem-export.json"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setPath(e.target.value)}
      />
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? "Exporting…" : "Export everything"}
        </button>
        <span className="field-hint" role="status">
          {done ?? ""}
        </span>
      </div>
    </form>
  );
}

function describe(file: ExportedFile): string {
  const what = `${file.conversations} conversation${file.conversations === 1 ? "" : "s"}, ${formatBytes(file.bytes)}${file.encrypted ? ", encrypted" : ""}`;
  return file.path ? `Saved to ${file.path} (${what}).` : `Downloaded ${file.fileName} (${what}).`;
}
