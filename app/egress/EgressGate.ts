/**
 * The one gate every cloud request passes (issue #3). It re-scans the final outbound payload —
 * every message that carries user text — with the same engine that sanitized it, against the
 * conversation's vault and all recognizers. A message marked `constant` is the app's own text
 * (issue #11, defect 1): it is not scanned as user data — a private term "square" must not
 * block the system prompt — but must be exactly one of the known app texts, else the request is
 * blocked. Fail closed: if anything private remains, the
 * request is blocked and never sent. Allowed requests are written to the audit log BEFORE the
 * sender is called, so nothing can leave unrecorded. Offline mode refuses every request.
 *
 * The sender gets a `GatedRequest`, which only this file makes and which is the only thing
 * `CloudProvider.streamChat` accepts (issue #14). `send` takes user text only as `SanitizedText`;
 * Cloud mode's plain text goes through `dangerouslySendUnsanitized`, greppable by name.
 */
import { TandemError } from "../contract/errors";
import { silentLogger, type Logger } from "../logging/Logger";
import { detect, PrivacyVault, type DetectOptions, type PrivateType } from "../privacy";
import { isAppText } from "./appTexts";
import type { AuditLog, AuditRecord } from "./AuditLog";
import type { GatedRequest, FrozenRequest } from "./GatedRequest";
import type { OutboundRequest, UnsanitizedRequest } from "./OutboundRequest";
import { kindOf, wirePayload } from "./wirePayload";

/**
 * Recorded in the audit row's check JSON. block-private (`send`): anything private found blocks
 * the request. audit-only (`dangerouslySendUnsanitized`, Cloud mode, where the user chose to
 * send plain text): send, but record findings.
 */
export type EgressPolicy = "block-private" | "audit-only";

/** What the sender returned, and the audit row written before it was called. */
export interface GateResult<T> {
  result: T;
  record: AuditRecord;
}

/** Gets the gated request; the only way to call `CloudProvider.streamChat`. */
export type GatedSender<T> = (gated: GatedRequest) => Promise<T>;

/** Why a request was refused before sending: offline mode, a policy that blocks private items, or items the re-scan found. */
export type RefusalReason = "offline" | "policy-block" | "private-items-left";

export interface CheckResult {
  clean: boolean;
  /** What was found, by type and count — never the values. */
  found: Array<{ type: PrivateType; count: number }>;
  /** Messages marked as app text that are not exactly a known app text (present only when > 0). */
  altered?: number;
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
  check(request: FrozenRequest, vault: PrivacyVault | null): CheckResult {
    const scanVault = vault ?? new PrivacyVault(request.conversationId ?? "egress-check");
    const counts = new Map<PrivateType, number>();
    let altered = 0;
    for (const message of request.messages) {
      if (message.constant === true) {
        if (!isAppText(String(message.content))) altered++;
        continue;
      }
      for (const d of detect(message.content, scanVault, this.deps.detectOptions))
        counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
    }
    const found = [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count);
    return altered > 0 ? { clean: false, found, altered } : { clean: found.length === 0, found };
  }

  /**
   * Checks, audits and sends a request whose user text is all sanitized; anything private the
   * re-scan finds blocks it. Throws TandemError "offline" or "egress_blocked" without calling
   * `doSend`. The sender receives a frozen copy of exactly what was checked and recorded.
   */
  send<T>(request: OutboundRequest, vault: PrivacyVault | null, doSend: GatedSender<T>): Promise<GateResult<T>> {
    return this.pass(request, vault, "block-private", doSend);
  }

  /**
   * Cloud mode only: the user chose to send their text as typed. Checks, audits (with what the
   * re-scan found) and sends; refuses only offline or when an app text was altered.
   */
  dangerouslySendUnsanitized<T>(
    request: UnsanitizedRequest,
    vault: PrivacyVault | null,
    doSend: GatedSender<T>,
  ): Promise<GateResult<T>> {
    return this.pass(request, vault, "audit-only", doSend);
  }

  private async pass<T>(
    request: UnsanitizedRequest,
    vault: PrivacyVault | null,
    policy: EgressPolicy,
    doSend: GatedSender<T>,
  ): Promise<GateResult<T>> {
    if (this.deps.isOffline()) {
      this.logger.info("egress refused: offline", { conversationId: request.conversationId });
      throw new TandemError(
        "offline",
        "Tandem is in Offline mode, so nothing was sent to the cloud model. Turn Offline mode off to use Hybrid or Cloud mode.",
      );
    }
    const frozen = freeze(request);
    const result = this.check(frozen, vault);
    if (result.altered) {
      // Whatever the policy: an altered "constant" is a bug or an attack, never the user's choice.
      this.logger.error("egress blocked: altered app text", {
        conversationId: request.conversationId,
        altered: result.altered,
      });
      throw new TandemError(
        "egress_blocked",
        "Not sent: the request to the cloud model contained an app prompt that is not one of Tandem's own texts. Nothing left this device. This is a bug; please report it.",
      );
    }
    if (!result.clean && policy === "block-private") {
      const types = result.found.map((f) => `${f.type.toLowerCase()} ×${f.count}`).join(", ");
      this.logger.warn("egress blocked", {
        conversationId: request.conversationId,
        types: result.found.map((f) => f.type).join(","),
      });
      throw new TandemError(
        "egress_blocked",
        `Not sent: the request to the cloud model still contained private items (${types}). Nothing left this device. Mark them as private or rephrase, then try again.`,
      );
    }
    const record = this.deps.audit.record({
      conversationId: frozen.conversationId,
      messageId: frozen.messageId,
      at: (this.deps.now ?? Date.now)(),
      endpoint: frozen.endpoint,
      model: frozen.model,
      payload: wirePayload(frozen),
      check: JSON.stringify({
        policy,
        ...result,
        kind: kindOf(frozen),
        ...(frozen.client !== undefined ? { client: frozen.client } : {}),
      }),
    });
    this.logger.info("egress allowed", {
      conversationId: frozen.conversationId,
      auditId: record.id,
      bytes: record.bytes,
      clean: result.clean,
    });
    // The one cast to GatedRequest in the code base (lint forbids it elsewhere): it was checked and recorded just above.
    const gated = Object.freeze({ request: frozen, record }) as unknown as GatedRequest;
    return { result: await doSend(gated), record };
  }

  /**
   * Records a request that was refused before sending (privacy proxy: offline mode, policy "block",
   * private items the re-scan still found), so the privacy log shows refusals too. The row keeps
   * the kinds and counts found and why; its payload is empty: nothing was sent, and a refused
   * request may hold the very values it was refused for.
   */
  recordRefusal(request: OutboundRequest, reason: RefusalReason, found: CheckResult["found"]): AuditRecord {
    const record = this.deps.audit.record({
      conversationId: request.conversationId,
      messageId: request.messageId,
      at: (this.deps.now ?? Date.now)(),
      endpoint: request.endpoint,
      model: request.model,
      payload: "",
      check: JSON.stringify({
        refused: reason,
        clean: found.length === 0,
        found,
        kind: kindOf(request),
        ...(request.client !== undefined ? { client: request.client } : {}),
      }),
    });
    this.logger.info("egress refusal recorded", {
      conversationId: request.conversationId,
      auditId: record.id,
      reason,
      types: found.map((f) => f.type).join(","),
    });
    return record;
  }
}

/** A deep, frozen copy: what was checked is what is sent, even if the caller mutates its object. */
function freeze(request: UnsanitizedRequest): FrozenRequest {
  const messages = request.messages.map((m) =>
    Object.freeze(
      m.constant === true
        ? { role: m.role, content: m.content, constant: true as const }
        : { role: m.role, content: String(m.content) },
    ),
  );
  return Object.freeze({ ...request, messages: Object.freeze(messages) });
}
