import type { DownloadInfo } from "../../../../app/contract/types";
import { downloadPercent, downloadStatusText } from "../../lib/modelText";
import { useModelsStore } from "../../stores/modelsStore";
import { ErrorMessage } from "../common/ErrorMessage";

/** One download: a progress bar with bytes, speed and time left, and Pause / Resume / Discard. */
export function DownloadProgress({ download, label }: { download: DownloadInfo; label: string }) {
  const percent = downloadPercent(download);
  const { state } = download;
  const store = useModelsStore.getState();
  return (
    <div className={`download download-${state}`}>
      <div
        className="download-bar"
        role="progressbar"
        aria-label={`Download of ${label}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={downloadStatusText(download)}
      >
        <span className="download-fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <div className="download-row">
        <p className="download-status">
          {percent !== null && state !== "done" && <strong>{percent}% </strong>}
          {downloadStatusText(download)}
        </p>
        {state === "downloading" && (
          <button type="button" className="text-button" onClick={() => void store.cancel(download.id)}>
            Pause
          </button>
        )}
        {(state === "paused" || state === "failed") && (
          <>
            <button
              type="button"
              className="text-button"
              onClick={() => void store.download({ uri: download.uri, catalogId: download.catalogId ?? undefined })}
            >
              {state === "paused" ? "Resume" : "Retry"}
            </button>
            <button type="button" className="text-button" onClick={() => void store.cancel(download.id, true)}>
              Discard
            </button>
          </>
        )}
      </div>
      {download.error && <ErrorMessage error={download.error} />}
    </div>
  );
}
