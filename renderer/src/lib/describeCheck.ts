import { typeBreakdown } from "./describeReport";

/** The gate's verdict ({"policy","clean","found":[{type,count}]}) in words; types only, never values. */
export function describeCheck(check: string): string {
  try {
    const parsed = JSON.parse(check) as { policy?: string; clean?: boolean; found?: Array<{ type: string; count: number }> };
    if (parsed.clean) return "Checked before sending: no private items found.";
    const byType = Object.fromEntries((parsed.found ?? []).map((f) => [f.type, f.count]));
    const found = typeBreakdown(byType).join(", ");
    const why = parsed.policy === "audit-only" ? " Sent as you wrote it (Cloud mode)." : "";
    return `Checked before sending: found ${found || "private items"}.${why}`;
  } catch {
    return "";
  }
}
