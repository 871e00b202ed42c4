import { randomUUID } from "node:crypto";
import { TandemError } from "../contract/errors";
import type { OutboundRequest } from "../egress";
import type { Logger } from "../logging/Logger";
import { chatCompletionsUrl } from "../providers/cloud";
import { routeMessage } from "../pipeline/auto/routeMessage";
import {
  KeyedMutex,
  resanitize,
  sanitize,
  settleParts,
  retryOnVaultConflict,
  VaultConflictError,
  type PrivacyVault,
  type PrivateType,
  type SanitizedText,
} from "../privacy";
import { conversationId } from "./conversationId";
import { modelListBody } from "./openAiShapes";
import { parseChatRequest, type ChatRequest } from "./parseChatRequest";
import { proxyError } from "./proxyError";
import { ProxyAnswer } from "./ProxyAnswer";
import { SanitizedHistory } from "./SanitizedHistory";
import { answerLocally } from "./answerLocally";
import { recordRefusal } from "./recordRefusal";
import type { ProxyDeps, ProxyPolicy, ProxyReply, ProxyRequestMeta, Upstream } from "./types";

/** The model name the proxy answers under when the local model answers (policy "local"). */
const LOCAL_MODEL_NAME = "tandem-local";

/** Saves refused by another writer before the proxy gives up (each retry re-sanitizes, a few ms). */
const MAX_VAULT_ATTEMPTS = 5;

/**
 * The privacy proxy's core (issue #13): one OpenAI chat request in, one OpenAI answer out. Every
 * message (system prompt included) is sanitized in the client conversation's vault, the request
 * passes the one egress gate (re-scan, fail-closed, privacy log with the client) and the cloud's
 * answer is restored on this device before the client sees any of it.
 */
export class ProxyService {
  private readonly log: Logger;
  /** Messages already sanitized per conversation: apps resend the whole history every turn. */
  private readonly history = new SanitizedHistory();
  /** One load → sanitize → save per conversation at a time; other conversations never wait. */
  private readonly locks = new KeyedMutex();

  constructor(private readonly deps: ProxyDeps) {
    this.log = deps.logger.child("proxy");
  }

  /** `GET /v1/models`: the model the proxy forwards to. */
  models(): object {
    return modelListBody(this.forwardedModel());
  }

  /** `POST /v1/chat/completions`. Never throws: every failure becomes an OpenAI-shaped error. */
  async chat(body: unknown, meta: ProxyRequestMeta, reply: ProxyReply): Promise<void> {
    const started = performance.now();
    const answer = new ProxyAnswer(reply, {
      id: `chatcmpl-${randomUUID()}`,
      created: Math.floor(Date.now() / 1000),
      model: LOCAL_MODEL_NAME,
    });
    try {
      const request = parseChatRequest(body);
      answer.configure(request);
      await this.route(request, meta, answer);
      this.log.info("proxy request done", { ms: Math.round(performance.now() - started), stream: request.stream });
    } catch (error) {
      const failure = proxyError(error);
      this.log.warn("proxy request failed", {
        code: failure.body.error.code,
        status: failure.status,
        ms: Math.round(performance.now() - started),
      });
      answer.fail(failure);
    }
  }

  private async route(request: ChatRequest, meta: ProxyRequestMeta, answer: ProxyAnswer): Promise<void> {
    const { policy } = this.deps.config();
    this.deps.clients?.record(meta.client);
    // Under "local" nothing leaves, so offline mode changes nothing; otherwise the gate refuses offline.
    if (policy === "local") return answerLocally(this.deps.localModel, request, answer);
    const id = conversationId(request, meta.conversation);
    const prepared = await this.locks.run(id, () => this.prepare(request, id, policy));
    if (prepared === "local") return answerLocally(this.deps.localModel, request, answer);
    const { vault, messages } = prepared;
    const upstream = this.deps.upstream();
    const outbound = outboundRequest(upstream, { id, client: meta.client, messages: messages.sanitized }, request);
    try {
      if (policy === "block") refuseIfPrivate(messages.replaced);
      if (!upstream)
        throw new TandemError(
          "cloud_not_configured",
          "Tandem's privacy proxy has no cloud endpoint and model to forward to. Set them in Settings → Privacy proxy (or Settings → Cloud).",
        );
      answer.restoreWith(vault, upstream.provider.model);
      await this.forward(upstream, outbound, vault, answer);
    } catch (error) {
      // A refusal before sending is logged like a request that left (the app, the kinds, "refused").
      recordRefusal(this.deps.gate, error, { request: outbound, vault, replaced: messages.replaced, policy });
      throw error;
    }
  }

  /**
   * Load the vault → (policy "auto": route) → sanitize → save, one request per conversation at a
   * time in this process (the lock), so concurrent requests number on one another's vault. Another
   * process (`cli proxy` beside the app) can still save in between: the save then refuses
   * (VaultConflictError) and everything is done again on the vault as it is now, before anything
   * leaves; the gate re-scans what this returns either way.
   */
  private prepare(request: ChatRequest, id: string, policy: ProxyPolicy) {
    const onConflict = (attempt: number) =>
      this.log.info("proxy vault changed by another writer; sanitizing again", { attempt });
    try {
      return retryOnVaultConflict({ attempts: MAX_VAULT_ATTEMPTS, onConflict }, () => {
        const vault = this.deps.vaults.load(id);
        if (policy === "auto" && this.routesLocally(request, vault)) return "local" as const;
        const messages = this.sanitizeAll(request, id, vault);
        this.deps.vaults.save(vault);
        return { vault, messages };
      });
    } catch (error) {
      if (!(error instanceof VaultConflictError)) throw error;
      throw new TandemError(
        "busy",
        "Another Tandem process kept changing this conversation's placeholders while the proxy sanitized it. Nothing was sent; try again.",
        { cause: error },
      );
    }
  }

  /**
   * Policy "auto": Auto mode's rules (routeMessage, issue #16) read the request's last user
   * message with the conversation's vault and the declared terms, as the sanitizer would; "local"
   * means the local model answers and nothing is forwarded. Offline and "no cloud" route locally.
   */
  private routesLocally(request: ChatRequest, vault: PrivacyVault): boolean {
    const message = [...request.messages].reverse().find((m) => m.role === "user")?.content ?? "";
    const decision = routeMessage({
      message,
      vault,
      declaredTerms: this.deps.declaredTerms(),
      settings: {
        locale: this.deps.locale(),
        alwaysLocalTopics: this.deps.alwaysLocalTopics?.() ?? [],
        offline: this.deps.isOffline(),
        cloudAvailable: this.deps.upstream() !== null,
      },
    });
    this.log.info("proxy auto route", { route: decision.route, rule: decision.rule });
    return decision.route === "local";
  }

  /**
   * Every message, in order, in the conversation's vault. A message sanitized in an earlier
   * request of this conversation is re-checked against the vault as it is now instead of being
   * sanitized from scratch (see SanitizedHistory); the gate re-scans the whole request either way.
   */
  private sanitizeAll(request: ChatRequest, id: string, vault: PrivacyVault) {
    const options = { locale: this.deps.locale(), declaredTerms: this.deps.declaredTerms() };
    const replaced = new Map<string, PrivateType>();
    const keys = request.messages.map((m) => `${options.locale}\u0000${m.role}\u0000${m.content}`);
    const results = request.messages.map((m, i) => {
      const known = this.history.get(id, keys[i] as string, vault);
      return known ? resanitize(known, vault, options) : sanitize(m.content, vault, options);
    });
    // A value found in a later message can make a word of an earlier one private (a name first
    // seen in full in the last message): the messages are settled together, as Hybrid settles
    // instruction and sketch, or the gate would block the request for the sanitizer's own leftovers.
    const settled = settleParts(results, vault, options);
    const sanitized = settled.map((result, i) => {
      this.history.set(id, keys[i] as string, result, vault);
      for (const r of result.replaced) replaced.set(r.placeholder, r.type);
      return { role: (request.messages[i] as ChatRequest["messages"][number]).role, content: result.text };
    });
    return { sanitized, replaced: [...replaced.values()] };
  }

  private async forward(
    { provider }: Upstream,
    outbound: OutboundRequest,
    vault: PrivacyVault,
    answer: ProxyAnswer,
  ): Promise<void> {
    const { result } = await this.deps.gate.send(outbound, vault, (gated) =>
      provider.streamChat(gated, { signal: answer.signal, onText: (piece) => answer.push(piece) }),
    );
    answer.finish(result.finishReason, result.usage);
  }

  private forwardedModel(): string | null {
    const { policy, model } = this.deps.config();
    if (policy === "local") return LOCAL_MODEL_NAME;
    return model ?? this.deps.upstream()?.provider.model ?? null;
  }
}

/** The request the gate checks, records and sends; without an upstream it names none (it is refused or fails first). */
function outboundRequest(
  upstream: Upstream | null,
  out: {
    id: string;
    client: string;
    messages: Array<{ role: "system" | "user" | "assistant"; content: SanitizedText }>;
  },
  request: ChatRequest,
): OutboundRequest {
  const endpoint = upstream ? chatCompletionsUrl(upstream.baseUrl) : "";
  // max_tokens and temperature travel in the request, so the audit row is the body as sent (issue #12).
  return {
    conversationId: out.id,
    messageId: null,
    endpoint,
    model: upstream?.provider.model ?? "",
    messages: out.messages,
    client: out.client,
    maxTokens: request.maxTokens,
    temperature: request.temperature,
  };
}

/** Policy "block": any private item refuses the request; the client learns the kinds, never the values. */
function refuseIfPrivate(types: PrivateType[]): void {
  if (types.length === 0) return;
  const counts = new Map<PrivateType, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  const list = [...counts].map(([t, n]) => `${t.toLowerCase()} ×${n}`).join(", ");
  throw new TandemError(
    "egress_blocked",
    `Not sent: Tandem's privacy proxy is set to block requests with private items, and this one contained some (${list}). Nothing left this device.`,
  );
}
