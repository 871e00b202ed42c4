/**
 * The downloads list: starts, pauses, resumes and verifies model downloads into one folder (the
 * data directory's models/), and reports each change as a `DownloadInfo`. Partial downloads
 * survive a cancel, a failure, a quit or a crash (see DownloadRecord), and resume from where they
 * stopped. A verified file is handed to `onVerified`, which adds it to the models list.
 */
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { TandemError } from "../../app/contract/errors";
import type { DownloadInfo } from "../../app/contract/types";
import type { GgufSummary } from "../../app/model/LocalModel";
import type { DownloadManager, DownloadRequest, VerifiedDownload } from "../../app/model/ModelTools";
import { silentModelLogger, type ModelLogger } from "../ModelLogger";
import { hostOf, toDownloadError } from "./downloadErrors";
import { partialBytes, readRecords, removeRecord, writeRecord, type DownloadRecord } from "./DownloadRecord";
import { preflight } from "./preflight";
import { ProgressMeter } from "./ProgressMeter";
import { runDownload } from "./runDownload";
import { verifyDownload } from "./verifyDownload";

export interface ModelDownloadsOptions {
  /** Where models are downloaded (created if missing). */
  dir: string;
  /** Offline mode: no download starts. */
  isOffline(): boolean;
  /** Reads and validates a GGUF header (LocalModelRuntime.inspect). */
  inspect(path: string): Promise<GgufSummary>;
  /** Records a verified file in the models list; returns its model id. */
  onVerified(file: VerifiedDownload): Promise<string> | string;
  /** Every change of a download (progress at most every `progressIntervalMs`). */
  emit(download: DownloadInfo): void;
  logger?: ModelLogger;
  /** No new byte for this long = the connection is lost. Default 30 s. */
  stallTimeoutMs?: number;
  /** Reaching the server and learning the file size. Default 20 s. */
  connectTimeoutMs?: number;
  /** Default 250 ms. */
  progressIntervalMs?: number;
  /** Free bytes in a folder; default from statfs (tests pass a small number to check "disk full"). */
  freeBytes?: (dir: string) => Promise<number>;
}

interface Entry {
  info: DownloadInfo;
  record: DownloadRecord | null;
  expectedSha256: string | null;
  controller: AbortController | null;
  run: Promise<void> | null;
  meter: ProgressMeter;
  lastEmit: number;
}

/** Failures that a second try of the same download cannot fix. */
const FINAL_CODES = new Set(["download_not_found", "download_corrupt"]);

export class ModelDownloads implements DownloadManager {
  private readonly entries = new Map<string, Entry>();
  private readonly logger: ModelLogger;

  private constructor(private readonly options: ModelDownloadsOptions) {
    this.logger = options.logger ?? silentModelLogger;
  }

  /** Creates the folder and lists the downloads a previous run left paused (or a crash cut off). */
  static async open(options: ModelDownloadsOptions): Promise<ModelDownloads> {
    await mkdir(options.dir, { recursive: true });
    const downloads = new ModelDownloads(options);
    for (const record of await readRecords(options.dir)) {
      const info = newInfo(record.id, { uri: record.uri, catalogId: record.catalogId });
      Object.assign(info, {
        fileName: record.fileName,
        totalBytes: record.totalBytes,
        state: "paused",
        startedAt: record.startedAt,
      });
      info.downloadedBytes = await partialBytes(options.dir, record);
      downloads.entries.set(record.id, { ...blankEntry(info), record, expectedSha256: record.sha256 });
    }
    return downloads;
  }

  start(request: DownloadRequest): DownloadInfo {
    if (this.options.isOffline()) {
      throw new TandemError(
        "offline",
        "Offline mode is on, so Tandem downloads nothing. Turn Offline off with the switch in the sidebar to download, or import a .gguf file you already have.",
      );
    }
    const existing = [...this.entries.values()].find((e) => e.info.uri === request.uri && e.info.state !== "done");
    if (existing?.run) return { ...existing.info };
    const entry =
      existing ?? blankEntry(newInfo(randomUUID(), { uri: request.uri, catalogId: request.catalogId ?? null }));
    if (request.sha256) entry.expectedSha256 = request.sha256.toLowerCase();
    this.entries.set(entry.info.id, entry);
    this.launch(entry);
    return { ...entry.info };
  }

  async cancel(id: string, { discard = false }: { discard?: boolean } = {}): Promise<DownloadInfo | null> {
    const entry = this.entries.get(id);
    if (!entry) return null;
    entry.controller?.abort();
    await entry.run;
    if (!discard) return { ...entry.info };
    if (entry.info.fileName)
      await removeRecord(this.options.dir, entry.info.fileName, { partial: entry.info.state !== "done" });
    this.entries.delete(id);
    this.logger.info("download discarded", { id });
    return null;
  }

  list(): DownloadInfo[] {
    return [...this.entries.values()].map((e) => ({ ...e.info })).sort((a, b) => a.startedAt - b.startedAt);
  }

  async close(): Promise<void> {
    const running = [...this.entries.values()].filter((e) => e.run);
    for (const entry of running) entry.controller?.abort();
    await Promise.all(running.map((e) => e.run));
  }

  private launch(entry: Entry): void {
    entry.controller = new AbortController();
    entry.meter.reset();
    this.change(entry, { state: "downloading", error: null, bytesPerSecond: 0, etaSeconds: null });
    entry.run = this.attempt(entry, entry.controller.signal).finally(() => {
      entry.controller = null;
      entry.run = null;
    });
  }

  private async attempt(entry: Entry, signal: AbortSignal): Promise<void> {
    const { uri } = entry.info;
    const started = Date.now();
    try {
      if (/^https?:/.test(uri)) entry.expectedSha256 ??= (await preflight(uri, this.connectTimeoutMs)).sha256;
      const outcome = await runDownload({
        uri,
        dir: this.options.dir,
        fileName: entry.record?.fileName,
        signal,
        stallTimeoutMs: this.options.stallTimeoutMs ?? 30_000,
        connectTimeoutMs: this.connectTimeoutMs,
        freeBytes: this.options.freeBytes,
        onStarted: (info) => this.onStarted(entry, info),
        onProgress: (downloaded, total) => this.onProgress(entry, downloaded, total),
      });
      if (outcome.kind === "cancelled")
        return this.change(entry, { state: "paused", bytesPerSecond: 0, etaSeconds: null });
      this.change(entry, { state: "verifying", downloadedBytes: outcome.totalBytes, bytesPerSecond: 0, etaSeconds: 0 });
      const modelId = await this.finish(entry, outcome.path, outcome.totalBytes);
      this.logger.info("download finished", {
        id: entry.info.id,
        host: hostOf(uri),
        bytes: outcome.totalBytes,
        ms: Date.now() - started,
      });
      this.change(entry, { state: "done", modelId });
    } catch (error) {
      await this.fail(entry, toDownloadError(error, { uri, dir: this.options.dir }));
    }
  }

  private async onStarted(
    entry: Entry,
    info: { fileName: string; totalBytes: number; downloadedBytes: number },
  ): Promise<void> {
    const { id, uri, catalogId, startedAt } = entry.info;
    entry.record = {
      id,
      uri,
      fileName: info.fileName,
      catalogId,
      sha256: entry.expectedSha256,
      totalBytes: info.totalBytes || null,
      startedAt,
    };
    await writeRecord(this.options.dir, entry.record);
    this.change(entry, {
      fileName: info.fileName,
      totalBytes: info.totalBytes || null,
      downloadedBytes: info.downloadedBytes,
    });
  }

  private onProgress(entry: Entry, downloadedBytes: number, totalBytes: number): void {
    const total = totalBytes || null;
    const reading = entry.meter.update(downloadedBytes, total);
    const interval = this.options.progressIntervalMs ?? 250;
    Object.assign(entry.info, { downloadedBytes, totalBytes: total, ...reading });
    if (Date.now() - entry.lastEmit >= interval) this.emit(entry);
  }

  private async finish(entry: Entry, path: string, totalBytes: number): Promise<string> {
    const { uri, catalogId } = entry.info;
    const { sha256, summary } = await verifyDownload({
      path,
      uri,
      totalBytes,
      expectedSha256: entry.expectedSha256,
      inspect: this.options.inspect,
    });
    const modelId = await this.options.onVerified({ path, uri, catalogId, sha256, summary });
    await removeRecord(this.options.dir, entry.record!.fileName);
    return modelId;
  }

  private async fail(entry: Entry, error: TandemError): Promise<void> {
    const final = FINAL_CODES.has(error.code);
    this.logger.warn("download failed", { id: entry.info.id, host: hostOf(entry.info.uri), code: error.code });
    // A 404 or a damaged file will not get better by resuming: start clean next time.
    if (final && entry.record) await removeRecord(this.options.dir, entry.record.fileName, { partial: true });
    if (final) entry.record = null;
    // "paused" is only what the user chose; a failure is "failed", and Retry resumes it when a part was kept.
    const kept =
      !final && entry.info.downloadedBytes > 0
        ? ` The part already downloaded is kept (${megabytes(entry.info.downloadedBytes)}): Retry (or the same download again) continues from there.`
        : "";
    this.change(entry, {
      state: "failed",
      error: { code: error.code, message: error.message + kept },
      bytesPerSecond: 0,
      etaSeconds: null,
    });
  }

  private change(entry: Entry, patch: Partial<DownloadInfo>): void {
    Object.assign(entry.info, patch);
    this.emit(entry);
  }

  private emit(entry: Entry): void {
    entry.lastEmit = Date.now();
    this.options.emit({ ...entry.info });
  }

  private get connectTimeoutMs(): number {
    return this.options.connectTimeoutMs ?? 20_000;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function newInfo(id: string, { uri, catalogId }: { uri: string; catalogId: string | null }): DownloadInfo {
  return {
    id,
    uri,
    catalogId,
    fileName: null,
    state: "downloading",
    downloadedBytes: 0,
    totalBytes: null,
    bytesPerSecond: 0,
    etaSeconds: null,
    error: null,
    modelId: null,
    startedAt: Date.now(),
  };
}

function blankEntry(info: DownloadInfo): Entry {
  return {
    info,
    record: null,
    expectedSha256: null,
    controller: null,
    run: null,
    meter: new ProgressMeter(),
    lastEmit: 0,
  };
}
