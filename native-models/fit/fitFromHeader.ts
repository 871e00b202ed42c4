/**
 * Fit check from a GGUF header, before loading (or downloading) the weights: node-llama-cpp reads
 * the header — of a local file, or of a remote one through HTTP Range requests — and its
 * GgufInsights configuration resolver scores the model against this machine's RAM and VRAM at the
 * requested context size. A compatibility score of 0 means it cannot run here.
 */
import { stat } from "node:fs/promises";
import { GgufInsights, readGgufFileInfo, type GgufFileInfo, type Llama } from "node-llama-cpp";
import { TandemError } from "../../app/contract/errors";
import type { FitEstimate, FitVerdict } from "../../app/contract/types";
import type { MachineInfo } from "../../app/model/ModelTools";
import { toDownloadError } from "../download/downloadErrors";
import { checkGgufHeader } from "../gguf/checkGgufHeader";
import { missingError } from "../inspectGguf";
import { describeFit } from "./describeFit";

type ResolvedConfig = Awaited<ReturnType<GgufInsights["configurationResolver"]["resolveAndScoreConfig"]>>;

export function isRemoteSource(source: string): boolean {
  return /^(https?:\/\/|hf:)/i.test(source);
}

async function readLocalHeader(path: string): Promise<GgufFileInfo> {
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    (error: unknown) => Promise.reject(missingError(path, error)),
  );
  if (size < 0)
    throw new TandemError("model_invalid", `${path} is a folder, not a model file. Choose a .gguf model file.`);
  // The structural walk first: node-llama-cpp's parser would loop for hours on a corrupt length.
  await checkGgufHeader(path, size);
  return readGgufFileInfo(path, { sourceType: "filesystem", logWarnings: false, spliceSplitFiles: false });
}

async function readRemoteHeader(uri: string, signal?: AbortSignal): Promise<GgufFileInfo> {
  try {
    return await readGgufFileInfo(uri, {
      sourceType: "network",
      logWarnings: false,
      signal,
      fetchRetryOptions: { retries: 2, minTimeout: 200, maxTimeout: 1000 },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/\b(401|403|404|410)\b/.test(message))
      throw toDownloadError({ statusCode: Number(/\b(401|403|404|410)\b/.exec(message)![1]) }, { uri, dir: "" });
    if (/fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN/i.test(message))
      throw toDownloadError({ code: "ECONNREFUSED" }, { uri, dir: "" });
    throw new TandemError(
      "model_invalid",
      `The GGUF header at ${uri} cannot be read (${message}). Check that the address points to a .gguf file.`,
      { cause: error },
    );
  }
}

export function verdictOf(config: ResolvedConfig, totalLayers: number, machine: MachineInfo): FitVerdict {
  if (config.compatibilityScore <= 0) return "too-large";
  const allOnGpu =
    machine.backend !== "CPU" &&
    config.resolvedValues.gpuLayers >= totalLayers &&
    config.resolvedValues.totalVramUsage > 0;
  return allOnGpu ? "fits-gpu" : "fits-ram";
}

export interface HeaderFitOptions {
  llama: Llama;
  machine: MachineInfo;
  contextSize: number;
  signal?: AbortSignal;
}

export async function fitFromHeader(source: string, options: HeaderFitOptions): Promise<FitEstimate> {
  const info = isRemoteSource(source) ? await readRemoteHeader(source, options.signal) : await readLocalHeader(source);
  if (!info.metadata.general?.architecture)
    throw new TandemError(
      "model_invalid",
      `${source} is a GGUF file but not a model (its header names no architecture).`,
    );
  const insights = await GgufInsights.from(info, options.llama);
  const contextSize = Math.min(options.contextSize, insights.trainContextSize ?? options.contextSize);
  const config = await insights.configurationResolver.resolveAndScoreConfig({ targetContextSize: contextSize });
  const verdict = verdictOf(config, insights.totalLayers, options.machine);
  const { totalRamUsage, totalVramUsage, gpuLayers } = config.resolvedValues;
  const estimatedBytes = totalRamUsage + totalVramUsage;
  return {
    verdict,
    basis: "header",
    contextSize,
    estimatedBytes,
    vramBytes: totalVramUsage,
    gpuLayers,
    totalLayers: insights.totalLayers,
    parameterCount: insights.totalParameters || null,
    summary: describeFit(verdict, estimatedBytes, contextSize, options.machine),
  };
}
