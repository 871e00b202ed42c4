import { RULE_IDS, UNCLASSIFIED_KINDS } from "../../app/pipeline/auto";
import type { ModeResult, RoutingResult } from "./runRouting";

function pct(part: number, whole: number): string {
  return whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)}%`;
}

function types(byType: Record<string, number>): string {
  const entries = Object.entries(byType).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? "none" : entries.map(([t, n]) => `${t} ${n}`).join(", ");
}

function modeRow(name: string, m: ModeResult): string {
  const retention =
    m.publicPhrases === 0 ? "–" : `${m.publicKept} / ${m.publicPhrases} (${pct(m.publicKept, m.publicPhrases)})`;
  return `| ${name} | ${m.messages} | ${m.local} (${pct(m.local, m.messages)}) | ${m.sentToCloud} (${pct(m.sentToCloud, m.messages)}) | ${m.blocked} | ${m.leaked} / ${m.privateItems} (${pct(m.leaked, m.privateItems)}) | ${types(m.leakedByType)} | ${retention} |`;
}

/** "name-part-word 3 (4)": messages with a token masked by the kind, and (tokens); kinds that never masked left out. */
function maskedByKind(r: RoutingResult): string {
  const fired = UNCLASSIFIED_KINDS.filter((k) => r.maskedMessages[k] > 0);
  return fired.length === 0
    ? "none"
    : fired.map((k) => `${k} ${r.maskedMessages[k]} (${r.maskedTokens[k]})`).join(" · ");
}

/**
 * One Markdown table per data set, Hybrid and Auto side by side, then the rule counts; with
 * `showLeaks`, each item Auto let through (masked for real user data, see runRouting).
 */
export function formatRouting(results: readonly RoutingResult[], showLeaks = false): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`### ${r.label} (${r.scenarios} messages)`, "");
    out.push(
      "| mode | messages | answered on the device | reached the cloud | blocked by the gate | private items the cloud received | by type | public phrases the cloud received intact (retention) |",
    );
    out.push("|---|---:|---:|---:|---:|---:|---|---:|");
    out.push(modeRow("Hybrid (cloud-outline request)", r.hybrid), modeRow("Auto", r.auto), "");
    out.push(`Auto rules that decided a message: ${RULE_IDS.map((id) => `${id} ${r.ruleCounts[id]}`).join(" · ")}`, "");
    out.push(
      `Tokens that kept a message local (unclassified-tokens, by kind): ${UNCLASSIFIED_KINDS.map((k) => `${k} ${r.kindCounts[k]}`).join(" · ")}`,
      "",
    );
    out.push(`Auto messages sent with unclassified tokens masked (codes, numbers, name-shaped words): ${r.masked}`, "");
    out.push(`Masking rules that fired (messages, (tokens masked)): ${maskedByKind(r)}`, "");
    if (showLeaks && r.auto.publicLost.length > 0)
      out.push(
        "Public phrases Auto sent but not intact:",
        ...r.auto.publicLost.map((l) => `- ${l.id}: ${JSON.stringify(l.phrase)}`),
        "",
      );
    if (showLeaks && r.auto.leaks.length > 0)
      out.push("Items Auto let through:", ...r.auto.leaks.map((l) => `- ${l.id} ${l.type}: ${l.shown}`), "");
  }
  return out.join("\n");
}
