import type { MessageStats } from "../../../app/contract/types";

/** "18.4 tokens/s · first token 0.42 s · 57 tokens", leaving out what is unknown. */
export function formatStats(stats: MessageStats): string[] {
  const parts: string[] = [];
  if (stats.tokensPerSecond !== null) parts.push(`${formatNumber(stats.tokensPerSecond)} tokens/s`);
  if (stats.timeToFirstTokenMs !== null) parts.push(`first token ${formatDuration(stats.timeToFirstTokenMs)}`);
  parts.push(`${stats.tokens} ${stats.tokens === 1 ? "token" : "tokens"}`);
  return parts;
}

function formatNumber(value: number): string {
  return value >= 100 ? Math.round(value).toString() : value.toFixed(1);
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
