/**
 * `CloudProvider.streamChat` and `testConnection` take only a request the egress gate made, so
 * the provider's own tests go through a real `EgressGate` (audit log in an in-memory SQLite
 * database), as the app does. They send fixed test strings, not user text, through the gate's
 * unsanitized door; the Hybrid and proxy tests cover the sanitizing one, and the privacy tests
 * send one sanitized message the way Hybrid does (`sanitizeAndSend`).
 */
import Database from "better-sqlite3";
import { AuditLog, EgressGate, type OutboundRequest } from "../../app/egress";
import { silentLogger } from "../../app/logging/Logger";
import { sanitize, type PrivacyVault } from "../../app/privacy";
import {
  CloudProvider,
  type CloudMessage,
  type ConnectionTestResult,
  type StreamChatResult,
} from "../../app/providers/cloud";
import { MIGRATIONS } from "../../app/store/migrations";

export interface StreamInput {
  messages: CloudMessage[];
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
  onText?: (text: string) => void;
  /** The model the gate checks and records; default the provider's. */
  model?: string;
}

async function withGate<T>(run: (gate: EgressGate) => Promise<T>): Promise<T> {
  const db = new Database(":memory:");
  try {
    for (const m of MIGRATIONS) db.exec(m.sql);
    return await run(new EgressGate({ audit: new AuditLog(db), isOffline: () => false }));
  } finally {
    db.close();
  }
}

/** One chat completion through the gate to `provider`: what the pipeline does, minus sanitizing. */
export function streamThroughGate(provider: CloudProvider, input: StreamInput): Promise<StreamChatResult> {
  const { messages, maxTokens, temperature, signal, onText, model = provider.model } = input;
  const request = {
    conversationId: null,
    messageId: null,
    endpoint: provider.host,
    model,
    messages,
    maxTokens,
    temperature,
  };
  return withGate(
    async (gate) =>
      (await gate.dangerouslySendUnsanitized(request, null, (gated) => provider.streamChat(gated, { signal, onText })))
        .result,
  );
}

/** "Test connection" through the gate, as Settings → Cloud runs it. */
export function testThroughGate(provider: CloudProvider): Promise<ConnectionTestResult> {
  const request = {
    conversationId: null,
    messageId: null,
    endpoint: `${provider.host}/models`,
    model: provider.model,
    messages: [],
    kind: "connection-test" as const,
  };
  return withGate(async (gate) => (await gate.send(request, null, (gated) => provider.testConnection(gated))).result);
}

/**
 * `instruction` sanitized with `vault`, sent as one user message through the gate to the
 * OpenAI-compatible server at `baseUrl` (a recording cloud): what left is what that server received.
 */
export async function sanitizeAndSend(
  baseUrl: string,
  vault: PrivacyVault,
  instruction: string,
  locale = "en-GB",
): Promise<void> {
  const content = sanitize(instruction, vault, { locale }).text;
  const provider = new CloudProvider({ baseUrl, model: "test-model", apiKey: "sk-test" }, { logger: silentLogger });
  const request: OutboundRequest = {
    conversationId: vault.conversationId,
    messageId: "m1",
    endpoint: baseUrl,
    model: "test-model",
    messages: [{ role: "user", content }],
  };
  await withGate((gate) => gate.send(request, vault, (gated) => provider.streamChat(gated)));
}
