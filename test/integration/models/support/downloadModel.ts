import { encodeGguf } from "../../../../native-models/gguf/writeGguf";
import { tinyGgufSpec } from "../../../../native-models/gguf/writeTinyGguf";

/** node-llama-cpp's downloader (ipull) saves progress in 5 MB chunks; resume tests need several. */
export const CHUNK_BYTES = 5 * 1024 * 1024;

/**
 * The model the download tests serve: the project's tiny llama, wider (about 15 MB, three of
 * ipull's chunks) so a download can be cancelled after one chunk was saved, and still loadable and
 * fast enough to chat with afterwards.
 */
export function downloadModelBody(): Buffer {
  return encodeGguf(
    tinyGgufSpec({
      name: "tandem-tiny-download",
      embeddingLength: 256,
      feedForwardLength: 768,
      blockCount: 4,
      contextLength: 2048,
    }),
  );
}
