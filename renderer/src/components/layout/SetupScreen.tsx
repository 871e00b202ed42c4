import { useSettingsStore } from "../../stores/settingsStore";
import { ImportModelForm } from "../models/ImportModelForm";
import { DownloadFromUrlForm } from "../models/DownloadFromUrlForm";
import { ModelCatalog } from "../models/ModelCatalog";
import { Logo } from "../common/Logo";
import { ModelList } from "../models/ModelList";

/** First run (or no active model): explain, then ask for a local GGUF file. */
export function SetupScreen() {
  const hasModels = useSettingsStore((s) => s.models.length > 0);
  return (
    <main className="setup-screen">
      <div className="setup-card">
        <Logo size={40} />
        <h1>Welcome to Tandem</h1>
        <p className="setup-lead">
          Tandem answers with a language model that runs on this computer. Add a model file in GGUF format to begin — in
          Private mode nothing you write leaves this device.
        </p>
        <ImportModelForm autoFocus />
        {hasModels && (
          <section className="setup-existing" aria-labelledby="existing-heading">
            <h2 id="existing-heading">Or choose a model you added before</h2>
            <ModelList />
          </section>
        )}
        <section className="setup-catalog" aria-labelledby="catalog-heading">
          <h2 id="catalog-heading">No model yet? Download one that fits this computer</h2>
          <ModelCatalog compact />
          <DownloadFromUrlForm />
        </section>
      </div>
    </main>
  );
}
