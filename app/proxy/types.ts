/**
 * The privacy proxy's public types (issue #13): a local OpenAI-compatible endpoint that any app
 * can use instead of the cloud. The proxy's policy and transformation live here; the HTTP server
 * lives in main/proxy (hosts and servers belong to main/).
 */
import type { ProxyStatus } from "../contract/types";
import type { EgressGate } from "../egress";
import type { Logger } from "../logging/Logger";
import type { LocalModel } from "../model/LocalModel";
import type { PrivateTerm, VaultStore } from "../privacy";
import type { CloudProvider } from "../providers/cloud";

/**
 * sanitize (default): private items become placeholders, the answer is restored on the device.
 * block: any request with a private item is refused; nothing leaves.
 * local: the local model answers; nothing leaves (also what offline mode falls back to).
 * auto: Auto mode's routing rules (issue #16, routeMessage) decide per request: "local" as above,
 *   or "sanitize" as above.
 */
export type ProxyPolicy = "sanitize" | "block" | "local" | "auto";
export const PROXY_POLICIES: readonly ProxyPolicy[] = ["sanitize", "block", "local", "auto"];

/** Where the proxy forwards to and how; stored under the settings key "proxy". */
export interface ProxyConfig {
  /** Start the proxy with the app. Default false (off until the user turns it on). */
  enabled: boolean;
  /** 127.0.0.1 port. Default 4319. */
  port: number;
  /** The OpenAI-compatible endpoint to forward to; null = the one in Settings → Cloud. Default null. */
  baseUrl: string | null;
  /** The model to forward to; null = the one in Settings → Cloud. Default null. */
  model: string | null;
  /** Default "sanitize". */
  policy: ProxyPolicy;
  /** The longest wait for the cloud to start answering, or for its next piece. Default 60 000 ms. */
  timeoutMs: number;
}

export const DEFAULT_PROXY_CONFIG: Readonly<ProxyConfig> = Object.freeze({
  enabled: false,
  port: 4319,
  baseUrl: null,
  model: null,
  policy: "sanitize",
  timeoutMs: 60_000,
});

/** Who sent a request and which conversation it belongs to, read from its headers by the server. */
export interface ProxyRequestMeta {
  /** The client's `User-Agent` (cut to 200 chars); "unknown" when absent. */
  client: string;
  /** `X-Tandem-Conversation`, if the client sent one. */
  conversation?: string;
}

/** How the proxy answers; the HTTP server implements it on a ServerResponse. */
export interface ProxyReply {
  /** A whole JSON response (non-streaming answers and every error before streaming began). */
  json(status: number, body: unknown, headers?: Record<string, string>): void;
  /** Starts an SSE response (once), then sends one `data:` event per call. */
  event(data: unknown): void;
  /** Ends the SSE response with `data: [DONE]`, or plainly after an error event. */
  end(done: boolean): void;
  /** Aborted when the client goes away: the upstream request is cancelled too. */
  signal: AbortSignal;
}

export interface Upstream {
  provider: CloudProvider;
  /** e.g. "https://api.openai.com/v1": names the endpoint in the privacy log. */
  baseUrl: string;
}

export interface ProxyDeps {
  /** better-sqlite3 connection holding the vaults (one per client conversation). */
  vaults: VaultStore;
  /** The one egress gate (re-scan, audit log, offline refusal). */
  gate: EgressGate;
  /** Where the proxy forwards to (the proxy's own endpoint/model, else Settings → Cloud); null = not set up. */
  upstream(): Upstream | null;
  /** Read for every request. */
  config(): ProxyConfig;
  /** The user's profile and "always private" terms: declared private for proxy traffic too. */
  declaredTerms(): PrivateTerm[];
  locale(): string;
  isOffline(): boolean;
  /** The user's "always local" topics (Settings → Privacy), read by policy "auto". Default none. */
  alwaysLocalTopics?(): readonly string[];
  /** Remembers which apps used the proxy (Settings shows them). Default: not remembered. */
  clients?: { record(client: string): void };
  /** The local model for policy "local"; null = none is set up. */
  localModel: (() => Promise<LocalModel>) | null;
  /** Gets ids, sizes, codes and timings — never messages, values or tokens. */
  logger: Logger;
}

/** What Settings → Privacy proxy drives; the host that runs the HTTP server implements it. */
export interface ProxyControl {
  status(): Promise<ProxyStatus>;
  /** Saves the change; starts, restarts or stops the server to match. */
  configure(patch: Partial<Omit<ProxyConfig, "enabled">> & { enabled?: boolean }): Promise<ProxyStatus>;
}
