import Database from "better-sqlite3";
import { AuditLog, EgressGate, type OutboundRequest } from "../../app/egress";
import { silentLogger } from "../../app/logging/Logger";
import { OUTLINE_SYSTEM } from "../../app/pipeline/hybrid/hybridPrompts";
import { sanitize, type PrivacyVault } from "../../app/privacy";
import { CloudProvider } from "../../app/providers/cloud";
import { MIGRATIONS } from "../../app/store/migrations";
import { runMigrations } from "../../app/store/runMigrations";

/** Sends a message the way Hybrid's cloud-outline strategy does: sanitized, through the real gate. */
export interface CloudSender {
  /** "sent", or "blocked" when the gate's re-scan refused it (nothing left). */
  send(conversationId: string, message: string, vault: PrivacyVault, locale: string): Promise<"sent" | "blocked">;
  close(): void;
}

/**
 * The real egress gate (with its audit log in an in-memory database) and the real OpenAI SDK
 * provider, pointed at `baseUrl` (a recording server on 127.0.0.1). The request is the
 * cloud-outline one: a constant system prompt and the sanitized instruction; the sketch-refine
 * strategy would add a sanitized draft, which needs a local model (see docs/BENCHMARKS.md).
 */
export function createCloudSender(baseUrl: string, nlp = true): CloudSender {
  const db = new Database(":memory:");
  runMigrations(db, MIGRATIONS, silentLogger);
  const audit = new AuditLog(db);
  const provider = new CloudProvider({ baseUrl, model: "test-model", apiKey: "sk-bench" }, { logger: silentLogger });
  return {
    async send(conversationId, message, vault, locale) {
      const gate = new EgressGate({ audit, isOffline: () => false, detectOptions: { locale, nlp } });
      const sanitized = sanitize(message, vault, { locale, nlp }).text;
      const request: OutboundRequest = {
        conversationId,
        messageId: null,
        endpoint: baseUrl,
        model: "test-model",
        messages: [
          { role: "system", content: OUTLINE_SYSTEM, constant: true },
          { role: "user", content: sanitized },
        ],
        maxTokens: 64,
      };
      for (let attempt = 1; ; attempt++) {
        try {
          await gate.send(request, vault, (gated) => provider.streamChat(gated));
          return "sent";
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === "egress_blocked") return "blocked";
          // Under load a kept-alive socket can be reused just as the recording server's 5-s idle
          // timeout closes it (ECONNRESET before the request arrived): send again, once.
          if (code !== "cloud_unreachable" || attempt > 1) throw error;
        }
      }
    },
    close: () => db.close(),
  };
}
