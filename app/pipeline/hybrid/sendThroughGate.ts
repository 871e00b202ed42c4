import type { AuditLog, EgressGate, EgressPolicy, OutboundRequest } from "../../egress";
import type { PrivacyVault } from "../../privacy";
import type { CloudFinishReason, CloudProvider, CloudUsage } from "../../providers/cloud";

/** What left the device, as the audit log recorded it (the gate wrote it before sending). */
export interface SentRecord {
  /** The exact JSON the gate checked, recorded and handed to the provider. */
  payload: string;
  bytes: number;
  endpoint: string;
  model: string;
  /** Private items the gate's re-scan found in the payload (0 unless the policy is audit-only). */
  leftDevice: number;
}

export interface CloudExchange {
  /** The cloud's answer as received (with placeholders); partial when aborted. */
  text: string;
  finishReason: CloudFinishReason;
  usage: CloudUsage | null;
  /** From the request to the first piece of text; null when none came. */
  firstTextMs: number | null;
  ms: number;
}

export interface GateSendInput {
  gate: EgressGate;
  audit: AuditLog;
  provider: CloudProvider;
  request: OutboundRequest;
  vault: PrivacyVault | null;
  policy: EgressPolicy;
  maxTokens: number;
  signal: AbortSignal;
  onText(piece: string): void;
}

/**
 * The only way the pipeline talks to the cloud: through the egress gate (which re-scans, blocks
 * or audits, and refuses when offline) to the provider's stream. `onSent` gets the audit row as
 * soon as the request was handed over — also when the call then fails — so the privacy report
 * always says what left. Throws the gate's or the provider's TandemError.
 */
export async function sendThroughGate(input: GateSendInput, onSent: (sent: SentRecord) => void): Promise<CloudExchange> {
  const started = performance.now();
  let firstTextMs: number | null = null;
  let dispatched = false;
  const onText = (piece: string) => {
    firstTextMs ??= Math.round(performance.now() - started);
    input.onText(piece);
  };
  try {
    // max_tokens is part of the request the gate records, so the audit row is the body as sent.
    const request = { ...input.request, kind: "chat" as const, maxTokens: input.maxTokens };
    const result = await input.gate.send(request, input.vault, input.policy, (frozen) => {
      dispatched = true;
      return input.provider.streamChat({ messages: [...frozen.messages], maxTokens: frozen.maxTokens, signal: input.signal, onText });
    });
    return { text: result.text, finishReason: result.finishReason, usage: result.usage ?? null, firstTextMs, ms: Math.round(performance.now() - started) };
  } finally {
    const sent = dispatched ? readSent(input.audit, input.request) : null;
    if (sent) onSent(sent);
  }
}

/** The newest audit row of this conversation, if it is this message's (one answer runs at a time). */
function readSent(audit: AuditLog, request: OutboundRequest): SentRecord | null {
  const row = audit.list({ conversationId: request.conversationId ?? undefined, limit: 1 })[0];
  if (!row || row.messageId !== request.messageId) return null;
  const check = JSON.parse(row.check) as { found?: Array<{ count?: number }> };
  const leftDevice = (check.found ?? []).reduce((n, f) => n + (f.count ?? 0), 0);
  return { payload: row.payload, bytes: row.bytes, endpoint: row.endpoint, model: row.model, leftDevice };
}
