import { DeleteAllData } from "./DeleteAllData";
import { ExportConversation } from "./ExportConversation";
import { ExportDataForm } from "./ExportDataForm";
import { ImportDataForm } from "./ImportDataForm";

/** Settings → Your data: take it with you, bring history from elsewhere, or delete it all. */
export function DataSettings() {
  return (
    <div className="data-settings">
      <p className="section-lead">
        Everything Tandem knows is stored on this computer. Export it, import history from elsewhere, or delete it all.
      </p>
      <ExportDataForm />
      <ExportConversation />
      <ImportDataForm />
      <DeleteAllData />
    </div>
  );
}
