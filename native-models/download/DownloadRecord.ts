/**
 * A download's sidecar file, `<models>/<file>.download.json`, written when the download starts and
 * removed when it is verified or discarded. It is how a download survives a crash or a restart:
 * the partial data lives in node-llama-cpp's (ipull's) `<file>.ipull`, and this says where it came
 * from, so the same download can be resumed.
 */
import { open, readdir, readFile, rm, writeFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";

export interface DownloadRecord {
  id: string;
  uri: string;
  fileName: string;
  catalogId: string | null;
  /** Expected SHA-256, when known (given by the user, or announced by the server). */
  sha256: string | null;
  totalBytes: number | null;
  startedAt: number;
}

const SUFFIX = ".download.json";
/** ipull keeps the partial data under this suffix until the download completes. */
export const PARTIAL_SUFFIX = ".ipull";

export function recordPath(dir: string, fileName: string): string {
  return join(dir, fileName + SUFFIX);
}

export async function writeRecord(dir: string, record: DownloadRecord): Promise<void> {
  await writeFile(recordPath(dir, record.fileName), JSON.stringify(record, null, 2) + "\n", { mode: 0o600 });
}

/** Removes the sidecar and, with `partial`, the partial data too. */
export async function removeRecord(dir: string, fileName: string, { partial = false } = {}): Promise<void> {
  await rm(recordPath(dir, fileName), { force: true });
  if (partial) await rm(join(dir, fileName + PARTIAL_SUFFIX), { force: true });
}

function isRecord(value: unknown): value is DownloadRecord {
  const v = value as Partial<DownloadRecord> | null;
  return (
    typeof v?.id === "string" &&
    typeof v.uri === "string" &&
    typeof v.fileName === "string" &&
    !v.fileName.includes("/")
  );
}

/** Every readable sidecar in `dir` (unreadable ones are skipped: they describe nothing we can resume). */
export async function readRecords(dir: string): Promise<DownloadRecord[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const records: DownloadRecord[] = [];
  for (const name of names.filter((n) => n.endsWith(SUFFIX))) {
    try {
      const value: unknown = JSON.parse(await readFile(join(dir, name), "utf8"));
      if (isRecord(value)) records.push(value);
    } catch {
      // A sidecar cut short by a crash: nothing to resume from it.
    }
  }
  return records;
}

/** ipull's chunk state for a finished chunk (its `ChunkStatus.COMPLETE`). */
const CHUNK_COMPLETE = 2;

/**
 * Bytes already saved in the partial file. ipull writes chunks at their offsets (so the file's
 * size says little) and appends its progress as JSON after the data: count its finished chunks.
 */
export async function partialBytes(dir: string, record: DownloadRecord): Promise<number> {
  if (record.totalBytes === null) return 0;
  let file: FileHandle | null = null;
  try {
    file = await open(join(dir, record.fileName + PARTIAL_SUFFIX), "r");
    const tail = Buffer.alloc(Math.max(0, (await file.stat()).size - record.totalBytes));
    await file.read(tail, 0, tail.length, record.totalBytes);
    const progress = JSON.parse(tail.toString("utf8")) as { chunks?: number[]; chunkSize?: number };
    const done = (progress.chunks ?? []).filter((c) => c === CHUNK_COMPLETE).length;
    return Math.min(record.totalBytes, done * (progress.chunkSize ?? 0));
  } catch {
    return 0; // no progress saved yet, or a record cut short by the crash
  } finally {
    await file?.close();
  }
}
