import { useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import type { CatalogItem, DownloadInfo } from "../../../../app/contract/types";
import { formatBytes } from "../../lib/formatBytes";
import { formatMemory, formatParameters, VERDICT_LABEL } from "../../lib/modelText";
import { useModelsStore } from "../../stores/modelsStore";
import { DownloadProgress } from "./DownloadProgress";
import { ErrorMessage } from "../common/ErrorMessage";

/** One recommended model: what it is, whether it fits this computer, and a Download button. */
export function CatalogCard({ item, download }: { item: CatalogItem; download: DownloadInfo | undefined }) {
  const checked = useModelsStore((s) => s.checks[item.id]);
  const [error, setError] = useState<ErrorData | null>(null);
  const [checking, setChecking] = useState(false);
  const fit = checked ?? item.fit;
  const start = async () => {
    setError(null);
    const result = await useModelsStore.getState().download({ uri: item.uri, catalogId: item.id });
    if (!result.ok) setError(result.error);
  };
  const check = async () => {
    setChecking(true);
    setError(null);
    const result = await useModelsStore.getState().checkFit(item);
    setChecking(false);
    if (!result.ok) setError(result.error);
  };
  const busy = download && (download.state === "downloading" || download.state === "verifying");
  return (
    <li className={`catalog-card${item.recommended ? " recommended" : ""}`} aria-label={item.name}>
      <div className="catalog-head">
        <span className="catalog-name">{item.name}</span>
        {item.recommended && <span className="catalog-badge">Recommended for this computer</span>}
        <span className={`fit-chip fit-${fit.verdict}`}>{VERDICT_LABEL[fit.verdict]}</span>
      </div>
      <p className="catalog-good-for">{item.goodFor}</p>
      <p className="catalog-meta">
        {formatBytes(item.sizeBytes)} download · {item.quantization} · {formatParameters(item.parameterCount)} ·{" "}
        <a href={item.licenseUrl} target="_blank" rel="noreferrer">
          {item.license}
        </a>
      </p>
      <p className="catalog-fit">
        About {formatMemory(fit.estimatedBytes)} of memory at {fit.contextSize.toLocaleString()} tokens of context.{" "}
        <span className="catalog-basis">
          {fit.basis === "header" ? "Checked from the file's header." : "Estimated from the catalog."}
        </span>
      </p>
      {download && download.state !== "done" ? (
        <DownloadProgress download={download} label={item.name} />
      ) : (
        <div className="catalog-actions">
          {item.modelId || download?.state === "done" ? (
            <span className="catalog-have">In your models</span>
          ) : (
            <button
              type="button"
              className={`button${item.recommended ? " primary" : ""}`}
              disabled={busy || fit.verdict === "too-large"}
              onClick={() => void start()}
              aria-label={`Download ${item.name}`}
            >
              Download
            </button>
          )}
          {fit.basis === "catalog" && (
            <button
              type="button"
              className="text-button"
              disabled={checking}
              onClick={() => void check()}
              aria-label={`${checking ? "Checking…" : "Check with the real file"}: ${item.name}`}
            >
              {checking ? "Checking…" : "Check with the real file"}
            </button>
          )}
        </div>
      )}
      {error && <ErrorMessage error={error} />}
    </li>
  );
}
