import { useState } from "react";
import { DeleteAllDataDialog } from "./DeleteAllDataDialog";

/** The one destructive action of Settings, behind a dialog where the user types DELETE. */
export function DeleteAllData() {
  const [open, setOpen] = useState(false);
  return (
    <section className="data-block danger-zone" aria-labelledby="wipe-heading">
      <h3 id="wipe-heading">Delete all my data</h3>
      <p className="field-hint">
        Deletes your conversations, private context, profile, the privacy vault and log, the models list, settings and
        the API key from this computer. Tandem then starts as new. There is no undo: export first if you may want it
        back.
      </p>
      <div className="form-actions">
        <button type="button" className="button danger" onClick={() => setOpen(true)}>
          Delete all my data…
        </button>
      </div>
      {open && <DeleteAllDataDialog onCancel={() => setOpen(false)} />}
    </section>
  );
}
