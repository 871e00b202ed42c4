import { useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import type { ImportSummary } from "../../../../app/contract/types";
import { useDataStore } from "../../stores/dataStore";
import { ErrorMessage } from "../common/ErrorMessage";

/** Imports a file by the path the user types (the browser host has no file dialog). */
export function ImportDataForm() {
  const [path, setPath] = useState("");
  const [passphrase, setPassphrase] = useState("");
  const [askPassphrase, setAskPassphrase] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const needsPassphrase = askPassphrase || /\.encrypted\.json$/i.test(path.trim());
  const submit = async () => {
    setBusy(true);
    setSummary(null);
    const result = await useDataStore
      .getState()
      .importFile({ path: path.trim(), passphrase: needsPassphrase && passphrase ? passphrase : undefined });
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (!result.ok)
      return setAskPassphrase(
        askPassphrase || result.error.code === "passphrase_required" || result.error.code === "passphrase_wrong",
      );
    setSummary(result.value);
    setPassphrase("");
  };
  return (
    <form
      className="data-block"
      aria-labelledby="import-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) void submit();
      }}
    >
      <h3 id="import-heading">Import</h3>
      <label htmlFor="import-path">Path to the file</label>
      <input
        id="import-path"
        type="text"
        value={path}
        placeholder="/home/you/Downloads/conversations.json"
        autoComplete="off"
        spellCheck={false}
        aria-describedby="import-hint"
        onChange={(e) => setPath(e.target.value)}
      />
      <p id="import-hint" className="field-hint">
        A Tandem export, ChatGPT’s conversations.json (from its data export, unzipped) or a Markdown transcript.
        Conversations already here are kept as they are; ChatGPT and Markdown imports start in Private mode.
      </p>
      {needsPassphrase && (
        <>
          <label htmlFor="import-passphrase">Passphrase of the encrypted export</label>
          <input
            id="import-passphrase"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </>
      )}
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || !path.trim()}>
          {busy ? "Importing…" : "Import"}
        </button>
        <span className="field-hint" role="status">
          {summary ? describe(summary) : ""}
        </span>
      </div>
    </form>
  );
}

function describe(s: ImportSummary): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const parts = [`Imported ${n(s.conversationsImported, "conversation")} (${n(s.messagesImported, "message")}).`];
  if (s.conversationsSkipped > 0) parts.push(`Skipped ${n(s.conversationsSkipped, "conversation")} already here.`);
  if (s.contextItemsImported > 0) parts.push(`Added ${n(s.contextItemsImported, "context item")}.`);
  if (s.profileImported) parts.push("Profile imported.");
  return parts.join(" ");
}
