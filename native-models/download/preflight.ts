/**
 * One HEAD request before an http(s) download, so the common failures get a clear answer in
 * seconds: node-llama-cpp's downloader (ipull) retries an unreachable host for minutes. It also
 * picks up the SHA-256 that Hugging Face announces for a file (`X-Linked-Etag`), to check the
 * download against. Not a downloader: it reads no body.
 */
import { notFoundError, unreachableError } from "./downloadErrors";

export interface PreflightResult {
  /** The SHA-256 the server announced, if any. */
  sha256: string | null;
}

const SHA256 = /^"?([0-9a-f]{64})"?$/i;

export async function preflight(url: string, timeoutMs: number): Promise<PreflightResult> {
  let response: Response;
  try {
    // manual: Hugging Face puts the hash on its redirect to the CDN, not on the CDN's answer.
    response = await fetch(url, { method: "HEAD", redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw unreachableError(url, error);
  }
  await response.body?.cancel();
  // 401/403 are left to the download itself: some signed URLs refuse HEAD but allow GET.
  if (response.status === 404 || response.status === 410) throw notFoundError(url, response.status);
  const announced = response.headers.get("x-linked-etag") ?? "";
  return { sha256: SHA256.exec(announced)?.[1]?.toLowerCase() ?? null };
}
