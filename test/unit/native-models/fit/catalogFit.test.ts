import { describe, expect, it } from "vitest";
import { CATALOG, findCatalogModel, toCatalogEntry } from "../../../../app/model/catalog";
import type { MachineInfo } from "../../../../app/model/ModelTools";
import { estimateCatalogFit, kvCacheBytes, pickRecommended } from "../../../../native-models/fit/estimateCatalogFit";

const GiB = 1024 ** 3;
const machine = (over: Partial<MachineInfo>): MachineInfo => ({
  cpuCores: 2,
  cpuModel: "test CPU",
  ramTotalBytes: 24 * GiB,
  ramFreeBytes: 20 * GiB,
  gpus: [],
  vramTotalBytes: 0,
  vramFreeBytes: 0,
  backend: "CPU",
  ...over,
});
const THIS_MACHINE = machine({});
const LAPTOP_8GB = machine({ cpuCores: 4, ramTotalBytes: 8 * GiB, ramFreeBytes: 5 * GiB });
const GAMING_PC = machine({
  cpuCores: 8,
  ramTotalBytes: 32 * GiB,
  gpus: ["NVIDIA RTX 4070"],
  vramTotalBytes: 12 * GiB,
  vramFreeBytes: 11 * GiB,
  backend: "CUDA",
});
const WORKSTATION = machine({
  cpuCores: 16,
  ramTotalBytes: 128 * GiB,
  gpus: ["A6000"],
  vramTotalBytes: 48 * GiB,
  vramFreeBytes: 47 * GiB,
  backend: "CUDA",
});

function recommendedOn(m: MachineInfo, contextSize = 4096): string | null {
  const fits = CATALOG.map((model) => estimateCatalogFit(model, m, contextSize));
  const index = pickRecommended(CATALOG, fits, m);
  return index === null ? null : CATALOG[index]!.id;
}

describe("The model catalog", () => {
  it("lists current instruct models by hf: URI with quantization, size, licence and what each is good for", () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(10);
    for (const model of CATALOG) {
      expect(model.uri).toMatch(/^hf:[\w.-]+\/[\w.-]+-GGUF:Q4_K_M$/);
      expect(model.quantization).toBe("Q4_K_M");
      expect(model.license.length).toBeGreaterThan(2);
      expect(model.licenseUrl).toMatch(/^https:\/\//);
      expect(model.goodFor.length).toBeGreaterThan(10);
      expect(new Set(CATALOG.map((m) => m.id)).size).toBe(CATALOG.length);
    }
    expect(CATALOG.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        "Qwen2.5 1.5B Instruct",
        "Qwen2.5 7B Instruct",
        "Llama 3.2 3B Instruct",
        "Phi-4 mini Instruct",
        "SmolLM2 1.7B Instruct",
      ]),
    );
  });

  it("sends only the public fields over the contract", () => {
    const entry = toCatalogEntry(findCatalogModel("qwen2.5-1.5b-instruct")!);
    expect(Object.keys(entry)).not.toEqual(expect.arrayContaining(["tier", "layers"]));
    expect(entry.uri).toBe("hf:Qwen/Qwen2.5-1.5B-Instruct-GGUF:Q4_K_M");
  });
});

describe("Catalog fit estimates (offline)", () => {
  it("counts the KV cache from the architecture: Llama 3.2 3B at 4,096 tokens needs 448 MiB", () => {
    expect(kvCacheBytes(findCatalogModel("llama-3.2-3b-instruct")!, 4096)).toBe(28 * 8 * 128 * 4 * 4096);
    expect(kvCacheBytes(findCatalogModel("llama-3.2-3b-instruct")!, 4096) / 1024 ** 2).toBe(448);
  });

  it("says small models fit in RAM and the 70B one is too large on a 24 GB computer without GPU", () => {
    const fits = Object.fromEntries(CATALOG.map((m) => [m.id, estimateCatalogFit(m, THIS_MACHINE, 4096)]));
    expect(fits["qwen2.5-1.5b-instruct"]).toMatchObject({
      verdict: "fits-ram",
      basis: "catalog",
      gpuLayers: 0,
      contextSize: 4096,
    });
    expect(fits["qwen2.5-7b-instruct"]!.verdict).toBe("fits-ram");
    expect(fits["llama-3.3-70b-instruct"]!.verdict).toBe("too-large");
    expect(fits["llama-3.3-70b-instruct"]!.summary).toMatch(
      /^Needs about 4\d GB .* this computer has 24 GB of RAM and no GPU .* Too large for this computer\.$/,
    );
  });

  it("caps the context at what the model was trained for", () => {
    expect(estimateCatalogFit(findCatalogModel("smollm2-1.7b-instruct")!, THIS_MACHINE, 32_768).contextSize).toBe(8192);
  });

  it("puts a model entirely on a GPU with room for it, and splits one that is too big for the GPU", () => {
    expect(estimateCatalogFit(findCatalogModel("qwen2.5-7b-instruct")!, GAMING_PC, 4096)).toMatchObject({
      verdict: "fits-gpu",
      gpuLayers: 28,
    });
    const big = estimateCatalogFit(
      findCatalogModel("llama-3.3-70b-instruct")!,
      machine({ ...GAMING_PC, ramTotalBytes: 64 * GiB }),
      4096,
    );
    expect(big.verdict).toBe("fits-ram");
    expect(big.gpuLayers).toBeGreaterThan(0);
    expect(big.gpuLayers).toBeLessThan(80);
  });
});

describe("Recommended for this computer", () => {
  it("picks a ~1.5B model for 2 CPU cores: bigger ones fit but would be slow", () => {
    expect(recommendedOn(THIS_MACHINE)).toBe("qwen2.5-1.5b-instruct");
  });

  it("picks a 3B model for a 4-core laptop with 8 GB", () => {
    expect(recommendedOn(LAPTOP_8GB)).toBe("llama-3.2-3b-instruct");
  });

  it("picks the best model that fits entirely on the GPU", () => {
    expect(recommendedOn(GAMING_PC)).toBe("qwen2.5-7b-instruct");
    expect(recommendedOn(WORKSTATION)).toBe("llama-3.3-70b-instruct");
  });

  it("recommends nothing when nothing fits", () => {
    expect(recommendedOn(machine({ ramTotalBytes: 1 * GiB }))).toBeNull();
  });
});
