/**
 * The one sentence a fit estimate shows a person, e.g. "Needs about 2.9 GB at 4,096 tokens of
 * context; this computer has 24 GB of RAM and no GPU." Shared by the header and catalog checks.
 */
import type { FitVerdict } from "../../app/contract/types";
import type { MachineInfo } from "../../app/model/ModelTools";

/**
 * Memory in binary units, as operating systems show RAM ("24 GB" for 24 GiB), so the estimate and
 * the machine's RAM in one sentence compare like for like.
 */
export function gigabytes(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  if (gib < 1) return `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
  return `${gib < 10 ? gib.toFixed(1) : Math.round(gib).toLocaleString("en")} GB`;
}

function machineText(machine: MachineInfo): string {
  const ram = `${gigabytes(machine.ramTotalBytes)} of RAM`;
  if (machine.backend === "CPU" || machine.vramTotalBytes === 0) return `${ram} and no GPU that llama.cpp can use`;
  return `${ram} and ${gigabytes(machine.vramTotalBytes)} of GPU memory (${machine.backend})`;
}

const VERDICT_TEXT: Record<FitVerdict, string> = {
  "fits-gpu": "It runs entirely on the GPU.",
  "fits-ram": "It runs in RAM.",
  "too-large": "Too large for this computer.",
};

export function describeFit(
  verdict: FitVerdict,
  estimatedBytes: number,
  contextSize: number,
  machine: MachineInfo,
): string {
  const needs = `Needs about ${gigabytes(estimatedBytes)} at ${contextSize.toLocaleString("en")} tokens of context`;
  return `${needs}; this computer has ${machineText(machine)}. ${VERDICT_TEXT[verdict]}`;
}
