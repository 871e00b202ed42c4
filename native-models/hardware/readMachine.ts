/**
 * What this computer offers a local model: CPU cores, RAM, the GPUs and VRAM llama.cpp sees, and
 * which llama.cpp backend is in use. Read fresh on each call (free memory changes).
 */
import { availableParallelism, cpus, freemem, totalmem } from "node:os";
import type { Llama, LlamaGpuType } from "node-llama-cpp";
import type { MachineInfo } from "../../app/model/ModelTools";

const BACKENDS: Record<Exclude<LlamaGpuType, false>, MachineInfo["backend"]> = {
  cuda: "CUDA",
  vulkan: "Vulkan",
  metal: "Metal",
};

export function backendName(gpu: LlamaGpuType): MachineInfo["backend"] {
  return gpu === false ? "CPU" : BACKENDS[gpu];
}

export async function readMachine(llama: Llama): Promise<MachineInfo> {
  const [vram, gpus] = await Promise.all([llama.getVramState(), llama.gpu === false ? [] : llama.getGpuDeviceNames()]);
  return {
    cpuCores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() || "unknown CPU",
    ramTotalBytes: totalmem(),
    ramFreeBytes: freemem(),
    gpus,
    vramTotalBytes: vram.total,
    vramFreeBytes: vram.free,
    backend: backendName(llama.gpu),
  };
}
