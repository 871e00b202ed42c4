import { typeBreakdown } from "./describeReport";

interface Check {
  policy?: string;
  clean?: boolean;
  found?: Array<{ type: string; count: number }>;
  /** Set on a privacy-proxy request refused before sending (EgressGate.recordRefusal). */
  refused?: string;
}

/** Why the privacy proxy refused a request, by the reason the gate recorded. */
const REFUSED_BECAUSE: Record<string, string> = {
  offline: "Offline mode is on",
  "policy-block": "the privacy proxy is set to block requests with private items",
  "private-items-left": "private items were still in it after sanitizing",
};

/** The gate's verdict ({"policy","clean","found":[{type,count}]}) in words; types only, never values. */
export function describeCheck(check: string): string {
  const parsed = parseCheck(check);
  if (!parsed) return "";
  const byType = Object.fromEntries((parsed.found ?? []).map((f) => [f.type, f.count]));
  const found = typeBreakdown(byType).join(", ");
  if (parsed.refused !== undefined) {
    const why = REFUSED_BECAUSE[parsed.refused] ?? "it was not allowed";
    return `Refused before sending: ${why}. ${found ? `Found ${found}. ` : ""}Nothing left this device.`;
  }
  if (parsed.clean) return "Checked before sending: no private items found.";
  const why = parsed.policy === "audit-only" ? " Sent as you wrote it (Cloud mode)." : "";
  return `Checked before sending: found ${found || "private items"}.${why}`;
}

/** True for a row of a request that was refused before sending (nothing of it left). */
export function isRefused(check: string): boolean {
  return parseCheck(check)?.refused !== undefined;
}

function parseCheck(check: string): Check | null {
  try {
    const parsed: unknown = JSON.parse(check);
    return typeof parsed === "object" && parsed !== null ? (parsed as Check) : null;
  } catch {
    return null;
  }
}
