/**
 * One download attempt with node-llama-cpp's `createModelDownloader` (ipull underneath), made
 * safe to cancel and to resume:
 * - the partial file is always kept (`deleteTempFileOnCancel: false`); the next attempt with the
 *   same URI and file name continues from the last saved 5 MB chunk;
 * - a connection that keeps dropping is retried by ipull for minutes; a watchdog stops the attempt
 *   when no new byte arrived for `stallTimeoutMs`, as `download_interrupted`;
 * - ipull's `download()` resolves even when cancelled, so the outcome is tracked here.
 */
import { statfs } from "node:fs/promises";
import { createModelDownloader, type ModelDownloader } from "node-llama-cpp";
import { diskFullError, interruptedError, toDownloadError, unreachableError } from "./downloadErrors";

export interface AttemptOptions {
  uri: string;
  dir: string;
  /** Keep the same name across attempts so a resume finds its partial file. */
  fileName?: string;
  signal: AbortSignal;
  /** No new byte for this long = the connection is gone. */
  stallTimeoutMs: number;
  /** Resolving the URI and reading the file's size must finish within this. */
  connectTimeoutMs: number;
  /** Free bytes in `dir`; default from statfs. */
  freeBytes?: (dir: string) => Promise<number>;
  /** Once the server said what the file is; before any byte is written. */
  onStarted(info: { fileName: string; totalBytes: number; downloadedBytes: number }): Promise<void>;
  onProgress(downloadedBytes: number, totalBytes: number): void;
}

export type AttemptOutcome = { kind: "done"; path: string; totalBytes: number } | { kind: "cancelled" };

async function defaultFreeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(onTimeout()), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function create(
  options: AttemptOptions,
  onProgress: (downloaded: number, total: number) => void,
): Promise<ModelDownloader> {
  const creating = createModelDownloader({
    modelUri: options.uri,
    dirPath: options.dir,
    fileName: options.fileName,
    deleteTempFileOnCancel: false,
    onProgress: ({ downloadedSize, totalSize }) => onProgress(downloadedSize, totalSize),
  });
  // A late result after the timeout is cancelled, so it writes nothing.
  creating.then(
    (downloader) => void (options.signal.aborted && downloader.cancel({ deleteTempFile: false })),
    () => {},
  );
  return withTimeout(creating, options.connectTimeoutMs, () => unreachableError(options.uri));
}

async function checkSpace(options: AttemptOptions, downloader: ModelDownloader): Promise<void> {
  const needed = downloader.totalSize - downloader.downloadedSize;
  const free = await (options.freeBytes ?? defaultFreeBytes)(options.dir);
  if (needed > free) throw diskFullError(options.dir, needed, free);
}

/** Cancels the attempt when no new byte arrives for `stallTimeoutMs`. Returns a stop function. */
function watchStall(downloader: ModelDownloader, stallTimeoutMs: number, onStall: () => void): () => void {
  let best = downloader.downloadedSize;
  let lastGain = Date.now();
  const timer = setInterval(
    () => {
      // ipull restarts a chunk from its start after a drop, so only a new maximum is progress.
      if (downloader.downloadedSize > best) {
        best = downloader.downloadedSize;
        lastGain = Date.now();
      } else if (Date.now() - lastGain >= stallTimeoutMs) onStall();
    },
    Math.min(500, stallTimeoutMs / 4),
  );
  return () => clearInterval(timer);
}

export async function runDownload(options: AttemptOptions): Promise<AttemptOutcome> {
  if (options.signal.aborted) return { kind: "cancelled" };
  let downloader: ModelDownloader;
  try {
    downloader = await create(options, (downloaded, total) => options.onProgress(downloaded, total));
  } catch (error) {
    throw toDownloadError(error, options);
  }
  let stalled = false;
  const stop = () => void downloader.cancel({ deleteTempFile: false });
  const stopWatching = watchStall(downloader, options.stallTimeoutMs, () => ((stalled = true), stop()));
  options.signal.addEventListener("abort", stop);
  try {
    await checkSpace(options, downloader);
    await options.onStarted({
      fileName: downloader.entrypointFilename,
      totalBytes: downloader.totalSize,
      downloadedBytes: downloader.downloadedSize,
    });
    if (!options.signal.aborted) await downloader.download();
  } catch (error) {
    stop();
    throw toDownloadError(error, options);
  } finally {
    stopWatching();
    options.signal.removeEventListener("abort", stop);
  }
  if (options.signal.aborted) return { kind: "cancelled" };
  if (stalled) throw interruptedError(options.uri, Math.round(options.stallTimeoutMs / 1000));
  return { kind: "done", path: downloader.entrypointFilePath, totalBytes: downloader.totalSize };
}
