import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { encodeGguf, gguf, writeGguf, type GgufSpec } from "../../../../native-models/gguf/writeGguf";
import { tinyGgufSpec } from "../../../../native-models/gguf/writeTinyGguf";

const CACHE = fileURLToPath(new URL("../../../.cache/", import.meta.url));

/**
 * A GGUF header that claims a Llama-3-70B-shaped model (8192 wide, 80 blocks, 64 heads with 8 KV
 * heads, 28672 feed-forward; about 69 billion parameters) and holds no weights: its tensors have
 * header entries only. What a fit check sees of a 70B download before fetching it.
 */
export function llama70bHeaderSpec(): GgufSpec {
  const spec = tinyGgufSpec(
    {
      name: "synthetic-llama-70b",
      embeddingLength: 8192,
      blockCount: 80,
      headCount: 64,
      feedForwardLength: 28672,
      contextLength: 8192,
    },
    { withData: false },
  );
  spec.metadata["llama.attention.head_count_kv"] = gguf.u32(8);
  for (const tensor of spec.tensors) if (/attn_[kv]\.weight$/.test(tensor.name)) tensor.dims = [8192, 8 * 128];
  return spec;
}

export function llama70bHeader(): Buffer {
  return encodeGguf(llama70bHeaderSpec());
}

export async function writeLlama70bHeader(): Promise<string> {
  await mkdir(CACHE, { recursive: true });
  const path = `${CACHE}synthetic-llama-70b.gguf`;
  await writeGguf(path, llama70bHeaderSpec());
  return path;
}
