/**
 * Speed work on the privacy engine must not change a single byte of what it produces. This runs
 * steps 1–4 over every dev set and writes one digest per set of everything the engine returned:
 *
 * - scenarios (`test/fixtures/privacy/scenarios.jsonl`, `dev2.jsonl`): profile and context
 *   registered as private context, the three parts sanitized in one vault (as bench:privacy does),
 *   then sanitizeParts of instruction + context in a second vault (as Hybrid sends a request);
 * - PUPA rows 0–299 and the Presidio synthetic set: each record sanitized in a fresh vault;
 * - the 2 KB chunks bench:privacy times and 8 KB chunks as bench:pipeline/bench:proxy send them:
 *   sanitized, then re-scanned by `detect` in the same vault as the egress gate does.
 *
 * For every record the digest covers the sanitized text, its `replaced` list, the vault's entries
 * (values, types, variants, origins) and `detect` of the raw record in a fresh vault (offsets,
 * types, sources), so a change in what is found, in placeholder numbering or in the gate's view
 * changes the digest. Nothing of a record is printed: only set names, counts and hashes, and with
 * `--records <file>` one hash per record (to find which record changed by its index).
 *
 *   npx tsx bench/privacyEquivalence.ts [--out digests.json] [--check digests.json] [--records file] [--held-out]
 *
 * `--check`: exit 1 when a set's digest differs from the saved one (`--out` or `--records` file of
 * an earlier run); against a `--records` file, with `--records` given, it names the first
 * differing record indices. `--held-out` also runs the
 * held-out `fresh.jsonl` — aggregate digest only, never per record: use it once, at the end.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  detect,
  preparePrivacyEngine,
  PrivacyVault,
  registerContext,
  sanitize,
  sanitizeParts,
  type SanitizeResult,
} from "../app/privacy";
import { loadPresidio } from "./privacy/loadPresidio";
import { loadPupa } from "./privacy/loadPupa";
import { parseScenarios, scenarioLocale, scenarioParts, type Scenario } from "./privacy/scenarioSchema";
import { chunkText } from "./privacy/throughput";

const REPO = resolve(import.meta.dirname, "..");
const FIXTURES = resolve(REPO, "test/fixtures/privacy");
const EN = { locale: "en-US" };

/** Everything a record's run returned, as one stable JSON string. */
type RecordRun = () => unknown;

function vaultState(vault: PrivacyVault): unknown {
  return vault.entries().map((e) => [e.placeholder, e.value, e.type, e.origin, e.variants]);
}

function resultState(r: SanitizeResult): unknown {
  return [r.text, r.replaced.map((p) => [p.placeholder, p.type])];
}

function detected(text: string, options: { locale: string }): unknown {
  return detect(text, new PrivacyVault("equivalence-detect"), options).map((d) => [d.start, d.end, d.type, d.source]);
}

function scenarioRun(s: Scenario): RecordRun {
  return () => {
    const options = { locale: scenarioLocale(s) };
    const vault = new PrivacyVault(`equivalence-${s.id}`);
    const registered = [registerContext(vault, s.profile, options), registerContext(vault, s.context, options)];
    const outputs = scenarioParts(s).map((part) => resultState(sanitize(part, vault, options)));
    const request = new PrivacyVault(`equivalence-request-${s.id}`);
    registerContext(request, s.profile, options);
    const parts = sanitizeParts([s.instruction, s.context], request, options).map(resultState);
    return [registered, outputs, vaultState(vault), parts, vaultState(request), detected(s.instruction, options)];
  };
}

/** One text in a fresh vault, then the egress gate's re-scan of the output in that vault. */
function textRun(text: string): RecordRun {
  return () => {
    const vault = new PrivacyVault("equivalence");
    const out = sanitize(text, vault, EN);
    const gate = detect(out.text, vault, EN).map((d) => [d.start, d.end, d.type, d.source]);
    return [resultState(out), vaultState(vault), gate, detected(text, EN)];
  };
}

function scenarioFile(name: string): Scenario[] {
  return parseScenarios(readFileSync(resolve(FIXTURES, name), "utf8"));
}

function sets(heldOut: boolean): Record<string, RecordRun[]> {
  const scenarios = scenarioFile("scenarios.jsonl");
  const dev2 = scenarioFile("dev2.jsonl");
  const pupa = loadPupa(resolve(REPO, "../shared/data/pupa/PUPA_New_rows0-299.csv"));
  const presidio = loadPresidio(resolve(REPO, "../shared/data/presidio-research-synth/synth_dataset_v2.json"));
  const joined = (list: Scenario[]) => list.flatMap(scenarioParts).join("\n\n");
  const corpus = [joined(scenarios), joined(dev2), pupa.map((r) => r.query).join("\n\n")].join("\n\n");
  const all: Record<string, RecordRun[]> = {
    scenarios: scenarios.map(scenarioRun),
    dev2: dev2.map(scenarioRun),
    pupa: pupa.map((r) => textRun(r.query)),
    presidio: presidio.map((s) => textRun(s.text)),
    "chunks 2 KB": chunkText(corpus).map(textRun),
    "chunks 8 KB": chunkText(corpus, 8192).map(textRun),
  };
  if (heldOut) all["held-out fresh.jsonl"] = scenarioFile("fresh.jsonl").map(scenarioRun);
  return all;
}

const hash = (text: string) => createHash("sha256").update(text).digest("hex");

interface SetDigest {
  records: number;
  digest: string;
  /** One hash per record; left out for the held-out set. */
  perRecord?: string[];
}

function digestSet(runs: RecordRun[], keepRecords: boolean): SetDigest {
  const perRecord = runs.map((run) => hash(JSON.stringify(run())));
  return {
    records: runs.length,
    digest: hash(perRecord.join("\n")),
    ...(keepRecords ? { perRecord } : {}),
  };
}

function firstDifferences(a: string[] | undefined, b: string[] | undefined): string {
  if (!a || !b) return "";
  const at = a.flatMap((h, i) => (h === b[i] ? [] : [i])).slice(0, 10);
  return at.length > 0 ? ` (records ${at.join(", ")}${at.length === 10 ? ", …" : ""})` : "";
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      check: { type: "string" },
      records: { type: "string" },
      "held-out": { type: "boolean", default: false },
    },
  });
  preparePrivacyEngine();
  const started = process.cpuUsage();
  const result: Record<string, SetDigest> = {};
  for (const [name, runs] of Object.entries(sets(values["held-out"]))) {
    const keep = values.records !== undefined && !name.startsWith("held-out");
    result[name] = digestSet(runs, keep);
    console.log(`${name}: ${runs.length} records, ${result[name].digest.slice(0, 16)}`);
  }
  const cpu = process.cpuUsage(started);
  console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
  const summary = Object.fromEntries(
    Object.entries(result).map(([k, v]) => [k, { records: v.records, digest: v.digest }]),
  );
  if (values.out) writeFileSync(values.out, JSON.stringify(summary, null, 2) + "\n");
  if (values.records) writeFileSync(values.records, JSON.stringify(result) + "\n");
  if (!values.check) return;
  const saved = JSON.parse(readFileSync(values.check, "utf8")) as Record<string, SetDigest>;
  const differing = Object.keys(result).filter((name) => saved[name] && saved[name].digest !== result[name]?.digest);
  const missing = Object.keys(result).filter((name) => !saved[name]);
  for (const name of differing)
    console.log(`DIFFERS: ${name}${firstDifferences(saved[name]?.perRecord, result[name]?.perRecord)}`);
  if (missing.length > 0) console.log(`not in ${values.check}: ${missing.join(", ")}`);
  console.log(differing.length === 0 ? "Equivalent: every digest matches." : `${differing.length} set(s) differ.`);
  process.exitCode = differing.length === 0 ? 0 : 1;
}

main();
