// @ts-check
/**
 * A Stryker reporter ("mutant-log") that appends each mutant's result to
 * reports/mutation/<group>/mutants.jsonl the moment it is known. Stryker writes its JSON report
 * and incremental file only at the end of a run; this log keeps the partial result of a run that
 * is stopped (and lets survivors be read while the run goes on). `node scripts/mutation.mjs
 * --partial <group>` counts it.
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { PluginKind, declareClassPlugin, commonTokens } from "@stryker-mutator/api/plugin";

class MutantLogReporter {
  static inject = /** @type {const} */ ([commonTokens.options]);

  /** @param {import('@stryker-mutator/api/core').StrykerOptions} options */
  constructor(options) {
    const json = /** @type {{ fileName: string }} */ (options.jsonReporter).fileName;
    this.file = `${dirname(json)}/mutants.jsonl`;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, "");
  }

  /** @param {Readonly<import('@stryker-mutator/api/core').MutantResult>} result */
  onMutantTested(result) {
    const { id, fileName, mutatorName, replacement, location, status, statusReason, coveredBy, killedBy } = result;
    const line = { id, fileName, mutatorName, replacement, location, status, statusReason, coveredBy, killedBy };
    appendFileSync(this.file, JSON.stringify(line) + "\n");
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, "mutant-log", MutantLogReporter)];
