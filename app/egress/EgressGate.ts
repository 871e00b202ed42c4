/**
 * The one gate every cloud request passes (issue #3). It re-scans the final outbound payload —
 * every message, the system prompt included — with the same engine that sanitized it, against
 * the conversation's vault and all recognizers. Fail closed: if anything private remains, the
 * request is blocked and never sent. Allowed requests are written to the audit log BEFORE the
 * sender is called, so nothing can leave unrecorded. Offline mode refuses every request.
 */
import { TandemError } from "../contract/errors";
import { silentLogger, type Logger } from "../logging/Logger";
import { detect, PrivacyVault, type DetectOptions, type PrivateType, type SanitizedText } from "../privacy";
import type { EgressKind } from "../contract/types";
import type { AuditLog } from "./AuditLog";
import { kindOf, wirePayload } from "./wirePayload";

export interface OutboundRequest {
  conversationId: string | null;
  messageId: string | null;
  /** Where the request goes, e.g. "https://api.openai.com/v1/chat/completions". */
  endpoint: string;
  model: string;
  messages: Array<{ role: "system" | "user" | "assistant"; content: SanitizedText | string }>;
  /** Default "chat" when there are messages, else "connection-test". */
  kind?: EgressKind;
  /** The HTTP method of a request without a body of ours (download, header check); default "GET". */
  method?: string;
  /** A chat's `max_tokens`, part of the exact body recorded and sent. */
  maxTokens?: number;
}

/**
 * block-private (default for Hybrid): anything private found blocks the request.
 * audit-only (Cloud mode, where the user chose to send plain text): send, but record findings.
 */
export type EgressPolicy = "block-private" | "audit-only";

export interface CheckResult {
  clean: boolean;
  /** What was found, by type and count — never the values. */
  found: Array<{ type: PrivateType; count: number }>;
}

export interface EgressGateDeps {
  audit: AuditLog;
  isOffline: () => boolean;
  /** Gets ids, sizes and types only — never payloads or values. Default: silent. */
  logger?: Logger;
  /** Options for the re-scan (locale, declared terms). Default: the engine's defaults. */
  detectOptions?: DetectOptions;
  /** Default Date.now. */
  now?: () => number;
}

export class EgressGate {
  private readonly logger: Logger;

  constructor(private readonly deps: EgressGateDeps) {
    this.logger = (deps.logger ?? silentLogger).child("egress");
  }

  /** Scans every message of the request; pure apart from reading the vault. */
  check(request: OutboundRequest, vault: PrivacyVault | null): CheckResult {
    const scanVault = vault ?? new PrivacyVault(request.conversationId ?? "egress-check");
    const counts = new Map<PrivateType, number>();
    for (const message of request.messages) {
      for (const d of detect(message.content, scanVault, this.deps.detectOptions)) counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
    }
    const found = [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count);
    return { clean: found.length === 0, found };
  }

  /**
   * Checks, audits and sends. Throws TandemError "offline" or "egress_blocked" without calling
   * `doSend`. The sender receives a frozen copy of exactly what was checked and recorded.
   */
  async send<T>(request: OutboundRequest, vault: PrivacyVault | null, policy: EgressPolicy, doSend: (request: OutboundRequest) => Promise<T>): Promise<T> {
    if (this.deps.isOffline()) {
      this.logger.info("egress refused: offline", { conversationId: request.conversationId });
      throw new TandemError("offline", "Tandem is in Offline mode, so nothing was sent to the cloud model. Turn Offline mode off to use Hybrid or Cloud mode.");
    }
    const frozen = freeze(request);
    const result = this.check(frozen, vault);
    if (!result.clean && policy === "block-private") {
      const types = result.found.map((f) => `${f.type.toLowerCase()} ×${f.count}`).join(", ");
      this.logger.warn("egress blocked", { conversationId: request.conversationId, types: result.found.map((f) => f.type).join(",") });
      throw new TandemError("egress_blocked", `Not sent: the request to the cloud model still contained private items (${types}). Nothing left this device. Mark them as private or rephrase, then try again.`);
    }
    const payload = wirePayload(frozen);
    const record = this.deps.audit.record({
      conversationId: frozen.conversationId, messageId: frozen.messageId, at: (this.deps.now ?? Date.now)(),
      endpoint: frozen.endpoint, model: frozen.model, payload, check: JSON.stringify({ policy, ...result, kind: kindOf(frozen) }),
    });
    this.logger.info("egress allowed", { conversationId: frozen.conversationId, auditId: record.id, bytes: record.bytes, clean: result.clean });
    return doSend(frozen);
  }
}

/** A deep, frozen copy: what was checked is what is sent, even if the caller mutates its object. */
function freeze(request: OutboundRequest): OutboundRequest {
  const messages = request.messages.map((m) => Object.freeze({ role: m.role, content: String(m.content) }));
  return Object.freeze({ ...request, messages: Object.freeze(messages) as OutboundRequest["messages"] });
}
