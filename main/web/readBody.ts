import type { IncomingMessage } from "node:http";

/** Largest request body accepted (a maximal message is 200,000 chars, up to 4 bytes each). */
export const MAX_BODY_BYTES = 1_000_000;

/** Reads the body as UTF-8 (invalid sequences become U+FFFD); null if it exceeds the limit. */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
