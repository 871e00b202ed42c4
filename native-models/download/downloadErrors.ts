/**
 * Turns what node-llama-cpp's downloader (ipull underneath) and the file system throw into
 * `TandemError`s with a download code and a message that says what to do.
 */
import { TandemError } from "../../app/contract/errors";

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);
/** A connection that was open and broke (undici says "terminated" when a body ends early). */
const DROPPED = /\bterminated\b|other side closed|socket hang up|ECONNRESET|UND_ERR_SOCKET/i;

export function hostOf(uri: string): string {
  if (uri.startsWith("hf:")) return "Hugging Face";
  try {
    return new URL(uri).host;
  } catch {
    return uri;
  }
}

export function notFoundError(uri: string, status: number): TandemError {
  if (status === 401 || status === 403) {
    return new TandemError(
      "download_not_found",
      `${hostOf(uri)} refused access to ${uri} (HTTP ${status}). The model may be gated: accept its licence on the website first, or choose another model.`,
    );
  }
  return new TandemError(
    "download_not_found",
    `There is no model file at ${uri} (HTTP ${status}). Check the address, or choose a model from the catalog.`,
  );
}

/** Says which of "no network", "server not found" and "nothing answers there" it was, from the system's code. */
export function unreachableError(uri: string, cause?: unknown): TandemError {
  const host = hostOf(uri);
  const code = errorCode(cause);
  const why =
    code === "ENOTFOUND"
      ? `the server ${host} was not found (its name does not resolve). Check the address and your internet connection`
      : code === "ENETUNREACH" || code === "EAI_AGAIN"
        ? `there is no network connection. Check your internet connection`
        : code === "ECONNREFUSED"
          ? `${host} refused the connection (nothing answers there). Check the address, or try again later`
          : `Tandem could not reach ${host}. Check your internet connection`;
  return new TandemError("download_unreachable", `Could not download ${uri}: ${why}, then press Retry.`, { cause });
}

export function interruptedError(uri: string, stallSeconds: number | null, cause?: unknown): TandemError {
  const what = stallSeconds === null ? "dropped" : `dropped and did not come back within ${stallSeconds} s`;
  // Whether a part was kept is added by ModelDownloads.fail, which knows how many bytes there are.
  return new TandemError("download_interrupted", `The connection to ${hostOf(uri)} ${what}.`, { cause });
}

export function diskFullError(dir: string, neededBytes: number, freeBytes: number | null): TandemError {
  const free = freeBytes === null ? "" : ` (${gb(freeBytes)} free, ${gb(neededBytes)} needed)`;
  return new TandemError(
    "download_disk_full",
    `Not enough disk space in ${dir} for this model${free}. Free some space or choose a smaller model.`,
  );
}

function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(bytes < 1e9 ? 2 : 1)} GB`;
}

/** The first string `code` along the cause chain (undici's "fetch failed" keeps it two levels down). */
function errorCode(error: unknown): string | undefined {
  let e = error as { code?: unknown; cause?: unknown } | null;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

/** Maps any failure of a download attempt to a TandemError (TandemErrors pass through). */
export function toDownloadError(error: unknown, context: { uri: string; dir: string }): TandemError {
  if (error instanceof TandemError) return error;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === "number" && [401, 403, 404, 410].includes(status)) return notFoundError(context.uri, status);
  const code = errorCode(error);
  if (code === "ENOSPC") return diskFullError(context.dir, 0, null);
  if (code && UNREACHABLE_CODES.has(code)) return unreachableError(context.uri, error);
  const message = error instanceof Error ? error.message : String(error);
  if (DROPPED.test(`${message} ${code ?? ""}`)) return interruptedError(context.uri, null, error);
  if (typeof status === "number") {
    return new TandemError(
      "download_failed",
      `${hostOf(context.uri)} answered HTTP ${status} for ${context.uri}. Try again later.`,
      { cause: error },
    );
  }
  if (/\b404\b|not found/i.test(message)) return notFoundError(context.uri, 404);
  // undici's bare "fetch failed" (no code underneath) means the request never got an answer.
  if (/fetch failed/i.test(message)) return unreachableError(context.uri, error);
  return new TandemError(
    "download_failed",
    `The download of ${context.uri} failed (${message.replace(/^\w*Error:\s*/, "")}). Try again.`,
    { cause: error },
  );
}
