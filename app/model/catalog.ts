/**
 * The recommended models, as data. Each is an instruct model with a licence that allows private
 * use, addressed by a node-llama-cpp `hf:` URI (`hf:<user>/<repo>:<quant>`), in the Q4_K_M
 * quantization (the usual balance of size and quality). Sizes are approximate (the download's
 * real size comes from the server).
 *
 * The architecture numbers (layers, KV heads, head size) are each model's published config; they
 * let the fit check estimate the KV cache offline, before anything is downloaded. `tier` orders
 * the entries by answer quality (higher is better) for the "recommended for this computer" pick.
 */
import type { CatalogEntry } from "../contract/types";

export interface CatalogModel extends CatalogEntry {
  layers: number;
  kvHeads: number;
  headDim: number;
  tier: number;
}

const GB = 1e9;
const LICENSES = {
  apache: { license: "Apache 2.0", licenseUrl: "https://www.apache.org/licenses/LICENSE-2.0" },
  mit: { license: "MIT", licenseUrl: "https://opensource.org/license/mit" },
  llama32: { license: "Llama 3.2 Community License", licenseUrl: "https://www.llama.com/llama3_2/license/" },
  llama33: { license: "Llama 3.3 Community License", licenseUrl: "https://www.llama.com/llama3_3/license/" },
  gemma: { license: "Gemma Terms of Use", licenseUrl: "https://ai.google.dev/gemma/terms" },
  qwenResearch: {
    license: "Qwen Research License (non-commercial)",
    licenseUrl: "https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE",
  },
} as const;

export const CATALOG: readonly CatalogModel[] = [
  {
    id: "llama-3.2-1b-instruct",
    name: "Llama 3.2 1B Instruct",
    uri: "hf:bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 0.81 * GB,
    parameterCount: 1.24e9,
    contextLength: 131_072,
    ...LICENSES.llama32,
    goodFor: "Quick drafts and short answers on older laptops.",
    layers: 16,
    kvHeads: 8,
    headDim: 64,
    tier: 1,
  },
  {
    id: "gemma-3-1b-it",
    name: "Gemma 3 1B Instruct",
    uri: "hf:ggml-org/gemma-3-1b-it-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 0.81 * GB,
    parameterCount: 1.0e9,
    contextLength: 32_768,
    ...LICENSES.gemma,
    goodFor: "Tiny and fast: rewording, short summaries, simple questions.",
    layers: 26,
    kvHeads: 1,
    headDim: 256,
    tier: 1,
  },
  {
    id: "smollm2-1.7b-instruct",
    name: "SmolLM2 1.7B Instruct",
    uri: "hf:bartowski/SmolLM2-1.7B-Instruct-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 1.06 * GB,
    parameterCount: 1.71e9,
    contextLength: 8192,
    ...LICENSES.apache,
    goodFor: "Fully open small model for everyday English text.",
    layers: 24,
    kvHeads: 32,
    headDim: 64,
    tier: 2,
  },
  {
    id: "qwen2.5-1.5b-instruct",
    name: "Qwen2.5 1.5B Instruct",
    uri: "hf:Qwen/Qwen2.5-1.5B-Instruct-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 1.12 * GB,
    parameterCount: 1.54e9,
    contextLength: 32_768,
    ...LICENSES.apache,
    goodFor: "The best small all-rounder: fast on any CPU, many languages.",
    layers: 28,
    kvHeads: 2,
    headDim: 128,
    tier: 3,
  },
  {
    id: "gemma-2-2b-it",
    name: "Gemma 2 2B Instruct",
    uri: "hf:bartowski/gemma-2-2b-it-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 1.71 * GB,
    parameterCount: 2.61e9,
    contextLength: 8192,
    ...LICENSES.gemma,
    goodFor: "Natural, friendly writing in a small package.",
    layers: 26,
    kvHeads: 4,
    headDim: 256,
    tier: 3,
  },
  {
    id: "llama-3.2-3b-instruct",
    name: "Llama 3.2 3B Instruct",
    uri: "hf:bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 2.02 * GB,
    parameterCount: 3.21e9,
    contextLength: 131_072,
    ...LICENSES.llama32,
    goodFor: "Solid everyday assistant with a long context for documents.",
    layers: 28,
    kvHeads: 8,
    headDim: 128,
    tier: 4,
  },
  {
    id: "qwen2.5-3b-instruct",
    name: "Qwen2.5 3B Instruct",
    uri: "hf:Qwen/Qwen2.5-3B-Instruct-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 2.1 * GB,
    parameterCount: 3.09e9,
    contextLength: 32_768,
    ...LICENSES.qwenResearch,
    goodFor: "Strong at structured answers and many languages (personal, non-commercial use).",
    layers: 36,
    kvHeads: 2,
    headDim: 128,
    tier: 4,
  },
  {
    id: "phi-3.5-mini-instruct",
    name: "Phi-3.5 mini Instruct",
    uri: "hf:bartowski/Phi-3.5-mini-instruct-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 2.39 * GB,
    parameterCount: 3.82e9,
    contextLength: 131_072,
    ...LICENSES.mit,
    goodFor: "Reasoning and summaries of long English documents.",
    layers: 32,
    kvHeads: 32,
    headDim: 96,
    tier: 4,
  },
  {
    id: "phi-4-mini-instruct",
    name: "Phi-4 mini Instruct",
    uri: "hf:bartowski/microsoft_Phi-4-mini-instruct-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 2.49 * GB,
    parameterCount: 3.84e9,
    contextLength: 131_072,
    ...LICENSES.mit,
    goodFor: "Careful reasoning, maths and code in a compact model.",
    layers: 32,
    kvHeads: 8,
    headDim: 128,
    tier: 5,
  },
  {
    id: "gemma-3-4b-it",
    name: "Gemma 3 4B Instruct",
    uri: "hf:ggml-org/gemma-3-4b-it-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 2.49 * GB,
    parameterCount: 3.88e9,
    contextLength: 131_072,
    ...LICENSES.gemma,
    goodFor: "Well-written answers in many languages with a long context.",
    layers: 34,
    kvHeads: 4,
    headDim: 256,
    tier: 5,
  },
  {
    id: "qwen2.5-7b-instruct",
    name: "Qwen2.5 7B Instruct",
    uri: "hf:bartowski/Qwen2.5-7B-Instruct-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 4.68 * GB,
    parameterCount: 7.62e9,
    contextLength: 32_768,
    ...LICENSES.apache,
    goodFor: "Noticeably smarter answers when a GPU or a fast CPU is available.",
    layers: 28,
    kvHeads: 4,
    headDim: 128,
    tier: 7,
  },
  {
    id: "llama-3.3-70b-instruct",
    name: "Llama 3.3 70B Instruct",
    uri: "hf:bartowski/Llama-3.3-70B-Instruct-GGUF:Q4_K_M",
    quantization: "Q4_K_M",
    sizeBytes: 42.5 * GB,
    parameterCount: 70.6e9,
    contextLength: 131_072,
    ...LICENSES.llama33,
    goodFor: "Near-cloud quality, for workstations with 48 GB or more of GPU memory.",
    layers: 80,
    kvHeads: 8,
    headDim: 128,
    tier: 10,
  },
];

/** The public part of an entry (what crosses the contract). */
export function toCatalogEntry(model: CatalogModel): CatalogEntry {
  const { layers: _layers, kvHeads: _kvHeads, headDim: _headDim, tier: _tier, ...entry } = model;
  return entry;
}

export function findCatalogModel(id: string): CatalogModel | undefined {
  return CATALOG.find((model) => model.id === id);
}
