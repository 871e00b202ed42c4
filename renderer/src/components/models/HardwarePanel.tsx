import { useEffect } from "react";
import type { HardwareInfo, ModelInfo } from "../../../../app/contract/types";
import "../../styles/models.css";
import { formatMemory } from "../../lib/modelText";
import { useModelsStore } from "../../stores/modelsStore";
import { useSettingsStore } from "../../stores/settingsStore";

/** How often the panel re-reads free memory and the loaded model while it is shown. */
const REFRESH_MS = 3000;

/** CPU, RAM, GPUs and VRAM, the llama.cpp backend, and what the loaded model holds in memory. */
export function HardwarePanel() {
  const hardware = useModelsStore((s) => s.hardware);
  const models = useSettingsStore((s) => s.models);
  useEffect(() => {
    void useModelsStore.getState().loadHardware();
    const timer = setInterval(() => void useModelsStore.getState().loadHardware(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (!hardware) return <p className="field-hint">Reading this computer…</p>;
  const gpu =
    hardware.gpus.length > 0
      ? `${hardware.gpus.join(", ")} · ${formatMemory(hardware.vramFreeBytes)} free of ${formatMemory(hardware.vramTotalBytes)}`
      : "None that llama.cpp can use";
  return (
    <>
      <dl className="hardware-list">
        <dt>Processor</dt>
        <dd>
          {hardware.cpuModel} · {hardware.cpuCores} cores
        </dd>
        <dt>Memory (RAM)</dt>
        <dd>
          {formatMemory(hardware.ramFreeBytes)} free of {formatMemory(hardware.ramTotalBytes)}
        </dd>
        <dt>GPU</dt>
        <dd>{gpu}</dd>
        <dt>llama.cpp backend</dt>
        <dd>{hardware.backend}</dd>
        <dt>Tandem uses</dt>
        <dd>{formatMemory(hardware.processMemoryBytes)}</dd>
      </dl>
      <LoadedModel hardware={hardware} models={models} />
    </>
  );
}

function LoadedModel({ hardware, models }: { hardware: HardwareInfo; models: ModelInfo[] }) {
  const loaded = hardware.loadedModel;
  if (!loaded) return <p className="field-hint">No model is loaded now; the next answer loads the active one.</p>;
  const name = models.find((m) => m.id === loaded.modelId)?.name ?? "A model";
  const memory =
    loaded.modelBytes !== null ? `${formatMemory(loaded.modelBytes + (loaded.contextBytes ?? 0))} in memory` : null;
  const detail = [
    memory,
    loaded.contextSize ? `${loaded.contextSize.toLocaleString()} tokens of context` : null,
    `${loaded.threads} ${loaded.threads === 1 ? "thread" : "threads"}`,
    loaded.gpuLayers ? `${loaded.gpuLayers} layers on the GPU` : null,
  ];
  return (
    <div className="loaded-model">
      <p>
        <strong>{name}</strong>{" "}
        {loaded.state === "loading" ? `is loading (${Math.round(loaded.progress * 100)}%)` : "is loaded"}:{" "}
        {detail.filter(Boolean).join(" · ")}
      </p>
      <button
        type="button"
        className="button"
        disabled={loaded.state === "loading"}
        onClick={() => void useModelsStore.getState().unload()}
      >
        Unload to free memory
      </button>
    </div>
  );
}
