import { readFileSync } from "node:fs";
import { PrivacyVault, preparePrivacyEngine, sanitize } from "../../app/privacy";
import { parseScenarios, scenarioParts } from "./scenarioSchema";
import { chunkText } from "./throughput";
preparePrivacyEngine();
const sc = parseScenarios(readFileSync("test/fixtures/privacy/scenarios.jsonl", "utf8"));
const chunks = chunkText(sc.flatMap(scenarioParts).join("\n\n"));
for (let pass = 0; pass < 3; pass++) console.log(chunks.map((c) => { const t = performance.now(); for (let i = 0; i < 10; i++) sanitize(c, new PrivacyVault("x"), { locale: "en-US" }); return ((performance.now() - t) / 10).toFixed(1); }).join(" "));
// per part inside the slowest chunk
const parts = sc.flatMap(scenarioParts);
const slow = parts.map((p) => { const t = performance.now(); for (let i = 0; i < 5; i++) sanitize(p, new PrivacyVault("x"), { locale: "en-US" }); return [(performance.now() - t) / 5, p.length] as const; }).map(([ms, len], i) => ({ i, ms, len, perKB: ms / (len / 1024) })).sort((a, b) => b.ms - a.ms).slice(0, 5);
console.log(slow.map((s) => `${s.i} ${s.ms.toFixed(2)}ms len ${s.len}`).join("\n"));
for (const i of [30, 141, 87, 123, 60]) {
  const p = parts[i] ?? "";
  const ts: number[] = [];
  for (let k = 0; k < 20; k++) { const t = performance.now(); sanitize(p, new PrivacyVault("x"), { locale: "en-US" }); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(i, JSON.stringify(p), "min", ts[0]?.toFixed(2), "median", ts[10]?.toFixed(2));
}
