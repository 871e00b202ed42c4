/**
 * The node-llama-cpp implementation of the core's `FitChecker`: header-based checks through
 * GgufInsights, and offline catalog estimates, both against the machine as it is now.
 */
import type { Llama } from "node-llama-cpp";
import type { FitEstimate } from "../../app/contract/types";
import type { CatalogModel } from "../../app/model/catalog";
import type { FitChecker, MachineInfo } from "../../app/model/ModelTools";
import { estimateCatalogFit, pickRecommended } from "./estimateCatalogFit";
import { fitFromHeader } from "./fitFromHeader";

export class LlamaFitChecker implements FitChecker {
  constructor(
    private readonly getLlama: () => Promise<Llama>,
    private readonly machine: () => Promise<MachineInfo>,
  ) {}

  async fromHeader(source: string, options: { contextSize: number; signal?: AbortSignal }): Promise<FitEstimate> {
    const llama = await this.getLlama();
    return fitFromHeader(source, { llama, machine: await this.machine(), ...options });
  }

  async forCatalog(
    models: readonly CatalogModel[],
    options: { contextSize: number },
  ): Promise<{ fits: FitEstimate[]; recommended: number | null }> {
    const machine = await this.machine();
    const fits = models.map((model) => estimateCatalogFit(model, machine, options.contextSize));
    return { fits, recommended: pickRecommended(models, fits, machine) };
  }
}
