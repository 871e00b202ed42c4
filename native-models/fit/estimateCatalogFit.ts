/**
 * A fit estimate for a catalog entry without the network: the weights (the file's size), the KV
 * cache from the entry's architecture numbers, and a margin for llama.cpp's compute buffers. It is
 * an approximation (basis "catalog"); `models:fit` on the entry's URI reads the real header.
 */
import type { FitEstimate, FitVerdict } from "../../app/contract/types";
import type { CatalogModel } from "../../app/model/catalog";
import type { MachineInfo } from "../../app/model/ModelTools";
import { describeFit } from "./describeFit";

/** K and V, f16 (llama.cpp's default cache type). */
const KV_BYTES_PER_VALUE = 2 * 2;
/** Left for the OS and other programs when a model runs in RAM. */
const RAM_RESERVE_BYTES = 1.5e9;
/** Compute buffers and the like, on top of weights and cache (llama.cpp's graph overhead is rough too). */
function overheadBytes(weights: number): number {
  return 150e6 + weights * 0.05;
}

export function kvCacheBytes(model: CatalogModel, contextSize: number): number {
  return model.layers * model.kvHeads * model.headDim * KV_BYTES_PER_VALUE * contextSize;
}

function hasGpu(machine: MachineInfo): boolean {
  return machine.backend !== "CPU" && machine.vramTotalBytes > 0;
}

export function estimateCatalogFit(model: CatalogModel, machine: MachineInfo, requestedContext: number): FitEstimate {
  const contextSize = Math.min(requestedContext, model.contextLength);
  const estimatedBytes = Math.round(
    model.sizeBytes + kvCacheBytes(model, contextSize) + overheadBytes(model.sizeBytes),
  );
  let verdict: FitVerdict = "too-large";
  let gpuLayers = 0;
  if (hasGpu(machine) && estimatedBytes <= machine.vramFreeBytes) {
    verdict = "fits-gpu";
    gpuLayers = model.layers;
  } else if (estimatedBytes <= machine.ramTotalBytes - RAM_RESERVE_BYTES) {
    verdict = "fits-ram";
    // Some layers may still go to a GPU that is too small for all of them.
    if (hasGpu(machine))
      gpuLayers = Math.min(model.layers, Math.floor((machine.vramFreeBytes / estimatedBytes) * model.layers));
  }
  const vramBytes = Math.round((estimatedBytes * gpuLayers) / model.layers);
  return {
    verdict,
    basis: "catalog",
    contextSize,
    estimatedBytes,
    vramBytes,
    gpuLayers,
    totalLayers: model.layers,
    parameterCount: model.parameterCount,
    summary: describeFit(verdict, estimatedBytes, contextSize, machine),
  };
}

/**
 * The entry to recommend: the best-quality one (highest tier, then the smaller) that runs well
 * here. With a GPU: one that fits entirely in VRAM. CPU only: generation speed is bound by memory
 * bandwidth, which grows roughly with the core count, so the weights must stay within about
 * 0.6 GB per core (at least 1.2 GB) — on 2 cores that is a ~1.5B model, on 8 cores a 7B one.
 * Null when nothing fits.
 */
export function pickRecommended(
  models: readonly CatalogModel[],
  fits: readonly FitEstimate[],
  machine: MachineInfo,
): number | null {
  const usable = models.map((model, i) => ({ model, fit: fits[i]!, i })).filter((c) => c.fit.verdict !== "too-large");
  if (usable.length === 0) return null;
  const onGpu = usable.filter((c) => c.fit.verdict === "fits-gpu");
  const cpuBudget = Math.max(1.2e9, machine.cpuCores * 0.6e9);
  const comfortable = onGpu.length > 0 ? onGpu : usable.filter((c) => c.model.sizeBytes <= cpuBudget);
  const pool =
    comfortable.length > 0 ? comfortable : [usable.reduce((a, b) => (b.model.sizeBytes < a.model.sizeBytes ? b : a))];
  pool.sort((a, b) => b.model.tier - a.model.tier || a.model.sizeBytes - b.model.sizeBytes);
  return pool[0]!.i;
}
