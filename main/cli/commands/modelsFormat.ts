/** How `models` commands print models, fit estimates and download progress. */
import type { DownloadInfo, FitEstimate, ModelInfo } from "../../../app/contract/types";
import type { GgufSummary } from "../../../app/model/LocalModel";

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.round(bytes / 1e3)} KB`;
}

export function formatParameters(count: number | null): string | null {
  if (!count) return null;
  if (count >= 1e9) return `${(count / 1e9).toFixed(1)}B parameters`;
  if (count >= 1e6) return `${(count / 1e6).toFixed(1)}M parameters`;
  return `${Math.round(count / 1e3)}K parameters`;
}

export function describeModel(m: ModelInfo): string {
  const parts = [
    m.name,
    m.architecture,
    formatParameters(m.parameterCount),
    m.quantization,
    formatBytes(m.sizeBytes),
    m.path,
  ];
  return parts.filter(Boolean).join(" · ");
}

/** `models inspect --json`: the header facts under the names the issue asks for. */
export function inspectJson(s: GgufSummary) {
  return {
    path: s.path,
    name: s.name,
    sizeBytes: s.sizeBytes,
    architecture: s.architecture,
    parameters: s.parameterCount,
    quantization: s.quantization,
    contextLength: s.contextLength,
    chatTemplate: s.hasChatTemplate,
  };
}

export function inspectText(s: GgufSummary): string {
  const rows: Array<[string, string]> = [
    ["file", `${s.path} (${formatBytes(s.sizeBytes)})`],
    ["name", s.name ?? "(none)"],
    ["architecture", s.architecture ?? "(unknown)"],
    [
      "parameters",
      s.parameterCount
        ? `${s.parameterCount.toLocaleString("en")} (${formatParameters(s.parameterCount)})`
        : "(unknown)",
    ],
    ["quantization", s.quantization ?? "(unknown)"],
    ["context length", s.contextLength ? `${s.contextLength.toLocaleString("en")} tokens` : "(unknown)"],
    ["chat template", s.hasChatTemplate ? "found" : "none (a generic chat format will be used)"],
  ];
  return rows.map(([k, v]) => `${k.padEnd(15)}${v}`).join("\n") + "\n";
}

const VERDICT: Record<FitEstimate["verdict"], string> = {
  "fits-gpu": "fits on GPU",
  "fits-ram": "fits in RAM",
  "too-large": "too large",
};

export function describeFitLine(f: FitEstimate): string {
  const basis = f.basis === "header" ? "from the GGUF header" : "estimated from the catalog";
  return `${VERDICT[f.verdict]}: about ${formatBytes(f.estimatedBytes)} at ${f.contextSize.toLocaleString("en")} tokens (${basis}).\n${f.summary}`;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** e.g. " 45% [#########...........] 6.7 MB / 14.8 MB · 2.1 MB/s · 4 s left" */
export function downloadProgressLine(d: DownloadInfo): string {
  if (d.state === "verifying") return "Checking the file (size, SHA-256, GGUF header)…";
  if (d.state === "done") return "Downloaded and checked.";
  if (d.state !== "downloading")
    return `${d.state}${d.error ? `: ${d.error.message}` : ""} (${formatBytes(d.downloadedBytes)}${d.totalBytes ? ` of ${formatBytes(d.totalBytes)}` : ""})`;
  if (d.totalBytes === null && d.downloadedBytes === 0)
    return `Connecting to ${d.uri.startsWith("hf:") ? "Hugging Face" : new URL(d.uri).host}…`;
  const fraction = d.totalBytes ? Math.min(1, d.downloadedBytes / d.totalBytes) : 0;
  const filled = Math.round(fraction * 20);
  const bar = `[${"#".repeat(filled)}${".".repeat(20 - filled)}]`;
  const size = `${formatBytes(d.downloadedBytes)}${d.totalBytes ? ` / ${formatBytes(d.totalBytes)}` : ""}`;
  const speed = d.bytesPerSecond > 0 ? ` · ${formatBytes(d.bytesPerSecond)}/s` : "";
  const eta = d.etaSeconds !== null ? ` · ${duration(d.etaSeconds)} left` : "";
  return `${String(Math.floor(fraction * 100)).padStart(3)}% ${bar} ${size}${speed}${eta}`;
}
