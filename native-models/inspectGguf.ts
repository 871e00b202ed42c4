/**
 * Reads what a model file says about itself — without loading its weights — and refuses files
 * that are missing, not GGUF, corrupt or cut short, each with a `TandemError` saying what to do.
 */
import { stat } from "node:fs/promises";
import { GgmlType, GgufFileType, GgufInsights, readGgufFileInfo, type GgufFileInfo, type Llama } from "node-llama-cpp";
import { TandemError } from "../app/contract/errors";
import type { GgufSummary } from "../app/model/LocalModel";
import { checkGgufHeader, truncatedError } from "./gguf/checkGgufHeader";

export function missingError(filePath: string, cause?: unknown): TandemError {
  return new TandemError("model_missing", `Model file not found: ${filePath}. Check the path or add the model again.`, {
    cause,
  });
}

async function fileSize(filePath: string): Promise<number> {
  let stats;
  try {
    stats = await stat(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM") {
      throw new TandemError(
        "model_missing",
        `Model file cannot be read: ${filePath} (permission denied). Check the file's permissions or add the model again.`,
        { cause: error },
      );
    }
    throw missingError(filePath, error);
  }
  if (!stats.isFile())
    throw new TandemError("model_invalid", `${filePath} is a folder, not a model file. Choose a .gguf model file.`);
  return stats.size;
}

async function readInfo(filePath: string): Promise<GgufFileInfo> {
  try {
    // sourceType "filesystem": never let a path that looks like a URL trigger a download.
    return await readGgufFileInfo(filePath, { sourceType: "filesystem", logWarnings: false, spliceSplitFiles: false });
  } catch (error) {
    throw new TandemError(
      "model_invalid",
      `The model file ${filePath} has a GGUF header that cannot be read (${(error as Error).message}). Download or convert it again.`,
      { cause: error },
    );
  }
}

/** "MOSTLY_Q4_K_M" → "Q4_K_M", "ALL_F32" → "F32"; falls back to the dominant tensor type. */
function quantizationName(info: GgufFileInfo, insights: GgufInsights): string | null {
  const fileType = info.metadata.general?.file_type;
  const name = fileType === undefined ? undefined : GgufFileType[fileType];
  if (name) return name.replace(/^(MOSTLY|ALL)_/, "");
  const dominant = insights.dominantTensorType;
  return dominant === undefined ? null : (GgmlType[dominant] ?? null);
}

export interface ModelFileCheck {
  summary: GgufSummary;
  /** Whether this llama.cpp build knows the architecture. Asked before loading, because a failed
   * load leaks a handle in node-llama-cpp 3.21.1 (see LlamaRuntime.dispose). */
  architectureSupported: boolean;
}

/** Reads and validates a model file's header. `llama` supplies llama.cpp's tensor type sizes. */
export async function inspectGguf(filePath: string, llama: Llama): Promise<GgufSummary> {
  return (await checkModelFile(filePath, llama)).summary;
}

export async function checkModelFile(filePath: string, llama: Llama): Promise<ModelFileCheck> {
  const size = await fileSize(filePath);
  const header = await checkGgufHeader(filePath, size);
  const info = await readInfo(filePath);
  const architecture = info.metadata.general?.architecture;
  if (!architecture)
    throw new TandemError(
      "model_invalid",
      `The file ${filePath} is a GGUF file but not a model (its header names no architecture). Choose a model file.`,
    );
  const insights = await GgufInsights.from(info, llama);
  // `modelSize` sums the tensors' byte sizes (llama.cpp's own type sizes), a lower bound of the
  // data section; a shorter file was cut off, and llama.cpp would refuse it at load anyway.
  const needed = header.dataStart + insights.modelSize;
  if (needed > size) throw truncatedError(filePath, size, needed);
  const template = info.metadata.tokenizer?.chat_template;
  const summary: GgufSummary = {
    path: filePath,
    sizeBytes: size,
    name: info.metadata.general?.name ?? null,
    architecture,
    parameterCount: insights.totalParameters || null,
    quantization: quantizationName(info, insights),
    contextLength: insights.trainContextSize ?? null,
    hasChatTemplate: typeof template === "string" && template.trim().length > 0,
  };
  return { summary, architectureSupported: insights.isSupportedByLlamaCpp };
}
