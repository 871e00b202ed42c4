import type { LocalModel } from "../../app/model/LocalModel";
import { MODEL_CHECK_BUDGET_MS } from "../../app/pipeline/hybrid/sanitizeForCloud";
import { createModelPass, PrivacyVault, registerContext, sanitize, sanitizeWithModel } from "../../app/privacy";
import type { DatasetName } from "./DatasetResult";
import { containsItem, prepareHaystack } from "./matchText";
import { ratio } from "./tally";

/** One record as steps 1–5 see it: its parts (sanitized in one vault), its private context and items. */
export interface ModelStepRecord {
  id: string;
  parts: string[];
  context: string[];
  items: string[];
  locale: string;
}

export interface ModelStepResult {
  dataset: DatasetName;
  model: string;
  records: number;
  items: number;
  /** Leaked after steps 1–4 and after steps 1–5 (the same records, vaults built the same way). */
  leakedRules: number;
  leakedWithModel: number;
  leakageRules: number | null;
  leakageWithModel: number | null;
  /** Placeholders step 5 added on top of the rules, by type. */
  added: Record<string, number>;
  /** Records whose step 5 hit the time budget (MODEL_CHECK_BUDGET_MS, as in Hybrid). */
  timeouts: number;
  msPerRecordP50: number | null;
  msPerRecordP95: number | null;
}

/**
 * `bench:privacy -- --model <file.gguf>`: steps 1–5 with a real local model, as Hybrid runs them
 * (rules first, then the model reads the rule-sanitized text within the same time budget). The
 * numbers depend entirely on the model: a tiny model measures the mechanics only.
 */
export async function runModelStep(
  dataset: DatasetName,
  records: readonly ModelStepRecord[],
  model: LocalModel,
  modelName: string,
): Promise<ModelStepResult> {
  let items = 0;
  let leakedRules = 0;
  let leakedWithModel = 0;
  let timeouts = 0;
  const added: Record<string, number> = {};
  const times: number[] = [];
  for (const r of records) {
    const rules = vaultFor(r);
    const rulesOut = r.parts.map((p) => sanitize(p, rules, { locale: r.locale }).text).join("\n");
    const vault = vaultFor(r);
    const budget = AbortSignal.timeout(MODEL_CHECK_BUDGET_MS);
    const modelPass = createModelPass(model, { signal: budget });
    const started = performance.now();
    const outs: string[] = [];
    for (const part of r.parts) {
      const result = await sanitizeWithModel(part, vault, { locale: r.locale, modelPass });
      for (const { type } of result.modelAdded) added[type] = (added[type] ?? 0) + 1;
      outs.push(result.text);
    }
    times.push(performance.now() - started);
    if (budget.aborted) timeouts++;
    const [hayRules, hayModel] = [prepareHaystack(rulesOut), prepareHaystack(outs.join("\n"))];
    items += r.items.length;
    leakedRules += r.items.filter((i) => containsItem(hayRules, i)).length;
    leakedWithModel += r.items.filter((i) => containsItem(hayModel, i)).length;
  }
  const sorted = times.sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!) : null;
  return {
    dataset,
    model: modelName,
    records: records.length,
    items,
    leakedRules,
    leakedWithModel,
    leakageRules: ratio(leakedRules, items),
    leakageWithModel: ratio(leakedWithModel, items),
    added,
    timeouts,
    msPerRecordP50: at(0.5),
    msPerRecordP95: at(0.95),
  };
}

function vaultFor(r: ModelStepRecord): PrivacyVault {
  const vault = new PrivacyVault(`bench-model-${r.id}`);
  for (const text of r.context) registerContext(vault, text, { locale: r.locale });
  return vault;
}

export function formatModelStep(r: ModelStepResult): string {
  const pct = (v: number | null) => (v === null ? "n/a" : `${(v * 100).toFixed(1)}%`);
  const added =
    Object.entries(r.added)
      .map(([t, n]) => `${t} ×${n}`)
      .join(", ") || "nothing";
  return [
    `== step 5 on ${r.dataset} with ${r.model} (${r.records} records, ${r.items} items)`,
    `leakage steps 1–4: ${pct(r.leakageRules)} (${r.leakedRules}/${r.items}); steps 1–5: ${pct(r.leakageWithModel)} (${r.leakedWithModel}/${r.items})`,
    `step 5 added: ${added}; time budget hit on ${r.timeouts}/${r.records} records; ms per record p50 ${r.msPerRecordP50}, p95 ${r.msPerRecordP95}`,
  ].join("\n");
}
