import { useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import { useDataStore } from "../../stores/dataStore";
import { ErrorMessage } from "../common/ErrorMessage";
import { useModalDialog } from "../common/useModalDialog";

const CONFIRM_WORD = "DELETE";

/**
 * The confirmation for "Delete all my data" on the native <dialog> (focus trapped, Escape
 * cancels). The button stays disabled until DELETE is typed; Cancel has focus first.
 * Afterwards the page reloads: every store starts empty and the first-run screen shows.
 */
export function DeleteAllDataDialog({ onCancel }: { onCancel(): void }) {
  // useModalDialog focuses Cancel after showModal() (React's autoFocus fired too early and the
  // dialog then focused its first control, the checkbox) and gives the focus back on close.
  const ref = useModalDialog();
  const [typed, setTyped] = useState("");
  const [deleteModels, setDeleteModels] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const confirm = async () => {
    setBusy(true);
    const result = await useDataStore.getState().wipe(deleteModels);
    if (result.ok) return window.location.reload();
    setBusy(false);
    setError(result.error);
  };
  return (
    <dialog
      ref={ref}
      className="dialog wipe-dialog"
      aria-labelledby="wipe-title"
      aria-describedby="wipe-body"
      onCancel={onCancel}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed === CONFIRM_WORD && !busy) void confirm();
        }}
      >
        <h2 id="wipe-title">Delete all your data?</h2>
        <p id="wipe-body">
          Conversations, private context, profile, privacy vault and log, models list, settings and the API key will be
          deleted from this computer. This cannot be undone.
        </p>
        <label className="checkbox-row">
          <input type="checkbox" checked={deleteModels} onChange={(e) => setDeleteModels(e.target.checked)} />
          Also delete the model files in Tandem’s data folder (files elsewhere are never touched)
        </label>
        <label htmlFor="wipe-confirm">Type {CONFIRM_WORD} to confirm</label>
        <input
          id="wipe-confirm"
          type="text"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
        />
        {error && <ErrorMessage error={error} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel} data-autofocus>
            Cancel
          </button>
          <button type="submit" className="button danger" disabled={typed !== CONFIRM_WORD || busy}>
            {busy ? "Deleting…" : "Delete everything"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
