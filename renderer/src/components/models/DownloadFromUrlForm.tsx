import { useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import { useModelsStore } from "../../stores/modelsStore";
import { DownloadProgress } from "./DownloadProgress";
import { ErrorMessage } from "../common/ErrorMessage";

/** Downloads a model that is not in the catalog: a direct .gguf URL or an `hf:` URI. */
export function DownloadFromUrlForm() {
  const [uri, setUri] = useState("");
  const [error, setError] = useState<ErrorData | null>(null);
  const downloads = useModelsStore((s) => s.downloads).filter((d) => !d.catalogId && d.state !== "done");
  const submit = async () => {
    setError(null);
    const result = await useModelsStore.getState().download({ uri: uri.trim() });
    if (!result.ok) return setError(result.error);
    setUri("");
  };
  return (
    <div className="download-url">
      <form
        aria-label="Download a model from a URL"
        onSubmit={(e) => {
          e.preventDefault();
          if (uri.trim()) void submit();
        }}
      >
        <label htmlFor="download-url">Download from a URL (https://…/model.gguf or hf:user/repo:Q4_K_M)</label>
        <div className="field-row">
          <input
            id="download-url"
            type="text"
            value={uri}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error !== null}
            onChange={(e) => setUri(e.target.value)}
          />
          <button type="submit" className="button" disabled={!uri.trim()}>
            Download
          </button>
        </div>
        {error && <ErrorMessage error={error} />}
      </form>
      {downloads.map((d) => (
        <DownloadProgress key={d.id} download={d} label={d.fileName ?? d.uri} />
      ))}
    </div>
  );
}
