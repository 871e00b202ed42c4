import { TandemError } from "../contract/errors";
import type { CloudStatus, ConnectionTest } from "../contract/types";
import type { EgressGate } from "../egress";
import type { Logger } from "../logging/Logger";
import { CloudProvider } from "../providers/cloud";
import { CLOUD_API_KEY_SECRET, type SecretStore } from "../secrets";
import type { SettingsRepo } from "../store/SettingsRepo";

/**
 * The cloud set-up: endpoint and model in settings, the key in the host's secret store (OS
 * keychain in Electron, a 0600 file or TANDEM_CLOUD_API_KEY elsewhere) — never in SQLite, never
 * sent to the UI. Providers are built with a fetch that refuses in offline mode, as a second
 * lock behind the egress gate.
 */
export class CloudAccess {
  private key: string | null = null;

  constructor(
    private readonly deps: {
      settings: SettingsRepo;
      secrets: SecretStore;
      keyStorage: () => CloudStatus["keyStorage"];
      gate: EgressGate;
      logger: Logger;
      isOffline: () => boolean;
    },
  ) {}

  /** Reads the key once at start (the secret store is async; providers are built synchronously). */
  async init(): Promise<void> {
    this.key = await this.deps.secrets.get(CLOUD_API_KEY_SECRET);
  }

  status(): CloudStatus {
    const { cloudBaseUrl, cloudModel } = this.deps.settings.get();
    return {
      configured: Boolean(cloudBaseUrl && cloudModel),
      baseUrl: cloudBaseUrl,
      model: cloudModel,
      hasKey: this.key !== null,
      keyStorage: this.key === null ? "none" : this.deps.keyStorage(),
    };
  }

  async configure(input: {
    baseUrl: string | null;
    model: string | null;
    apiKey?: string | null;
  }): Promise<CloudStatus> {
    this.deps.settings.update({ cloudBaseUrl: input.baseUrl, cloudModel: input.model });
    if (input.apiKey !== undefined) {
      if (input.apiKey === null) await this.deps.secrets.delete(CLOUD_API_KEY_SECRET);
      else await this.deps.secrets.set(CLOUD_API_KEY_SECRET, input.apiKey);
      await this.init();
    }
    return this.status();
  }

  /**
   * A provider for the current settings, or null when the cloud is not set up. `override` (the
   * privacy proxy's own endpoint/model) replaces either setting; the key stays the saved one.
   */
  provider(
    override: { baseUrl?: string | null; model?: string | null; timeoutMs?: number } = {},
  ): CloudProvider | null {
    const settings = this.deps.settings.get();
    const cloudBaseUrl = override.baseUrl ?? settings.cloudBaseUrl;
    const cloudModel = override.model ?? settings.cloudModel;
    if (!cloudBaseUrl || !cloudModel) return null;
    const timeout = override.timeoutMs !== undefined ? { timeoutMs: override.timeoutMs } : {};
    return new CloudProvider(
      { baseUrl: cloudBaseUrl, model: cloudModel, apiKey: this.key, ...timeout },
      { logger: this.deps.logger, fetch: this.guardedFetch },
    );
  }

  /** "Test connection": goes through the egress gate like every request (and is audited). */
  async test(): Promise<ConnectionTest> {
    const provider = this.provider();
    if (!provider) return { ok: false, message: "Set the endpoint URL and model name first." };
    const { cloudBaseUrl } = this.deps.settings.get();
    try {
      const request = {
        conversationId: null,
        messageId: null,
        endpoint: `${cloudBaseUrl}/models`,
        model: provider.model,
        messages: [],
        kind: "connection-test" as const,
        method: "GET",
      };
      return (await this.deps.gate.send(request, null, (gated) => provider.testConnection(gated))).result;
    } catch (error) {
      return { ok: false, message: error instanceof TandemError ? error.message : String(error) };
    }
  }

  private readonly guardedFetch: typeof fetch = (input, init) => {
    if (this.deps.isOffline()) {
      return Promise.reject(
        new TandemError(
          "offline",
          "Offline mode is on: Tandem sends nothing over the network. Turn it off to use the cloud.",
        ),
      );
    }
    return fetch(input, init);
  };
}
