/**
 * The one sentence a fit estimate shows a person, e.g. "Needs about 2.9 GB at 4,096 tokens of
 * context; this computer has 24 GB of RAM and no GPU." Shared by the header and catalog checks.
 */
import type { FitVerdict } from "../../app/contract/types";
import type { MachineInfo } from "../../app/model/ModelTools";

export function gigabytes(bytes: number): string {
  const gb = bytes / 1e9;
  return `${gb < 10 ? gb.toFixed(1) : Math.round(gb).toLocaleString("en")} GB`;
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

export function describeFit(verdict: FitVerdict, estimatedBytes: number, contextSize: number, machine: MachineInfo): string {
  const needs = `Needs about ${gigabytes(estimatedBytes)} at ${contextSize.toLocaleString("en")} tokens of context`;
  return `${needs}; this computer has ${machineText(machine)}. ${VERDICT_TEXT[verdict]}`;
}
