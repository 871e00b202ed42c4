/**
 * Ports for model management that need llama.cpp or the network: hardware detection, fit checks
 * and downloads. `native-models/` implements them (node-llama-cpp), `main/` wires them, and the
 * handlers in app/backend/modelHandlers.ts use them — the core never imports node-llama-cpp.
 */
import type { DownloadInfo, FitEstimate, HardwareInfo } from "../contract/types";
import type { CatalogModel } from "./catalog";
import type { GgufSummary } from "./LocalModel";

export type MachineInfo = Omit<HardwareInfo, "loadedModel" | "processMemoryBytes">;

export interface FitChecker {
  /** Reads the GGUF header of a local file, an http(s) URL or an hf: URI and estimates the fit. */
  fromHeader(source: string, options: { contextSize: number; signal?: AbortSignal }): Promise<FitEstimate>;
  /** Offline estimates for catalog entries (no network), and the index of the best fit, if any fits. */
  forCatalog(
    models: readonly CatalogModel[],
    options: { contextSize: number },
  ): Promise<{ fits: FitEstimate[]; recommended: number | null }>;
}

export interface DownloadRequest {
  uri: string;
  catalogId?: string | null;
  /** Expected SHA-256 (hex); when given, a mismatch fails the download. */
  sha256?: string | null;
}

/** A downloaded file that passed the size, hash and header checks. */
export interface VerifiedDownload {
  path: string;
  uri: string;
  catalogId: string | null;
  sha256: string;
  summary: GgufSummary;
}

export interface DownloadManager {
  /** Starts a download, or resumes the paused one for the same URI. Throws `offline` in offline mode. */
  start(request: DownloadRequest): DownloadInfo;
  /** Stops a download (partial file kept) or, with `discard`, deletes it. Null if unknown. */
  cancel(id: string, options?: { discard?: boolean }): Promise<DownloadInfo | null>;
  list(): DownloadInfo[];
  /** Pauses every running download (partial files kept) and waits for them to stop. */
  close(): Promise<void>;
}

export interface ModelTools {
  machine(): Promise<MachineInfo>;
  fit: FitChecker;
  downloads: DownloadManager;
}
