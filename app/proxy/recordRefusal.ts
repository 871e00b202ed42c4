import { TandemError } from "../contract/errors";
import type { EgressGate, OutboundRequest, RefusalReason } from "../egress";
import type { PrivacyVault, PrivateType } from "../privacy";
import type { ProxyPolicy } from "./types";

/** What the proxy was about to send when it refused: the request as the gate would have seen it. */
export interface RefusedRequest {
  request: OutboundRequest;
  vault: PrivacyVault;
  /** The kinds the sanitizer replaced, one entry per private item. */
  replaced: PrivateType[];
  policy: ProxyPolicy;
}

/**
 * Writes a request the proxy refused before sending (offline mode, policy "block", items the
 * gate's re-scan still found) into the privacy log: the app, the kinds found and why — never a
 * value. Any other failure (a bad request, the cloud's own errors) is not a refusal and is not logged.
 */
export function recordRefusal(gate: EgressGate, error: unknown, refused: RefusedRequest): void {
  const reason = reasonOf(error, refused);
  if (!reason) return;
  const counts = new Map<PrivateType, number>();
  for (const type of refused.replaced) counts.set(type, (counts.get(type) ?? 0) + 1);
  // Items the sanitizer missed: the ones a re-scan finds (what the gate refuses for).
  for (const { type, count } of gate.check(refused.request, refused.vault).found)
    counts.set(type, (counts.get(type) ?? 0) + count);
  gate.recordRefusal(
    refused.request,
    reason,
    [...counts].map(([type, count]) => ({ type, count })),
  );
}

function reasonOf(error: unknown, refused: RefusedRequest): RefusalReason | null {
  if (!(error instanceof TandemError)) return null;
  if (error.code === "offline") return "offline";
  if (error.code !== "egress_blocked") return null;
  return refused.policy === "block" && refused.replaced.length > 0 ? "policy-block" : "private-items-left";
}
