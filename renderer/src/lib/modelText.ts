import { modelDisplayName } from "../../../app/contract/modelDisplayName";
import type { DownloadInfo, FitVerdict, ModelInfo } from "../../../app/contract/types";
import { formatBytes } from "./formatBytes";

export const VERDICT_LABEL: Record<FitVerdict, string> = {
  "fits-gpu": "Fits on GPU",
  "fits-ram": "Fits in RAM",
  "too-large": "Too large",
};

/** "1.5B parameters", "157K parameters". */
export function formatParameters(count: number | null): string | null {
  if (!count) return null;
  if (count >= 1e9) return `${(count / 1e9).toFixed(count >= 10e9 ? 0 : 1)}B parameters`;
  if (count >= 1e6) return `${(count / 1e6).toFixed(1)}M parameters`;
  return `${Math.round(count / 1e3)}K parameters`;
}

/** Memory as operating systems show it (binary units, "24 GB" of RAM). */
export function formatMemory(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  // "1.0 GB" reads better than "1018 MB".
  if (gib >= 0.95) return `${gib < 10 ? gib.toFixed(1) : Math.round(gib)} GB`;
  return `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

export function downloadPercent(d: DownloadInfo): number | null {
  return d.totalBytes ? Math.min(100, Math.floor((d.downloadedBytes / d.totalBytes) * 100)) : null;
}

/** "6.7 MB of 14.8 MB · 2.1 MB/s · 4 s left", or what the download is doing. */
export function downloadStatusText(d: DownloadInfo): string {
  const size = `${formatBytes(d.downloadedBytes)}${d.totalBytes ? ` of ${formatBytes(d.totalBytes)}` : ""}`;
  switch (d.state) {
    case "verifying":
      return "Checking the file…";
    case "done":
      return "Downloaded, checked and added to your models.";
    case "paused":
      return `Paused at ${size}.`;
    case "failed":
      // The error under the bar says what happened; the status line stays short.
      return d.downloadedBytes > 0 ? `Download failed at ${size}.` : "Download failed.";
    default: {
      if (d.totalBytes === null && d.downloadedBytes === 0) return "Connecting…";
      const speed = d.bytesPerSecond > 0 ? ` · ${formatBytes(d.bytesPerSecond)}/s` : "";
      const eta = d.etaSeconds !== null ? ` · ${formatDuration(d.etaSeconds)} left` : "";
      return `${size}${speed}${eta}`;
    }
  }
}

/** "stories260K · 1.2 MB · F32": the model's real name with its size and quantization. */
export function modelLabel(model: ModelInfo): string {
  return [modelDisplayName(model), formatBytes(model.sizeBytes), model.quantization].filter(Boolean).join(" · ");
}
