import type Database from "better-sqlite3";
import type { CloudAccess } from "../../app/backend/CloudAccess";
import { TandemError } from "../../app/contract/errors";
import type { ProxyStatus } from "../../app/contract/types";
import type { EgressGate } from "../../app/egress";
import type { Logger } from "../../app/logging/Logger";
import type { LocalModel } from "../../app/model/LocalModel";
import { VaultStore, type PrivateTerm } from "../../app/privacy";
import {
  ProxyConfigRepo,
  proxyToken,
  ProxyService,
  type ProxyConfig,
  type ProxyControl,
  type Upstream,
} from "../../app/proxy";
import type { SecretStore } from "../../app/secrets";
import type { SettingsRepo } from "../../app/store/SettingsRepo";
import { startProxyServer, type ProxyServer } from "./startProxyServer";

export interface ProxyRunnerDeps {
  db: Database.Database;
  settings: SettingsRepo;
  gate: EgressGate;
  cloud: CloudAccess;
  secrets: SecretStore;
  /** TANDEM_PROXY_TOKEN, or null to use (and make once) the stored token. */
  envToken: string | null;
  /** The profile's names, city and "always private" terms. */
  declaredTerms(): PrivateTerm[];
  localModel: (() => Promise<LocalModel>) | null;
  logger: Logger;
}

/**
 * Runs the privacy proxy's server for a host: started with the app when Settings says so, or by
 * `cli proxy` with run-only choices. One ProxyService per core; the server follows the settings.
 */
export class ProxyRunner implements ProxyControl {
  readonly service: ProxyService;
  private readonly repo: ProxyConfigRepo;
  private server: ProxyServer | null = null;
  private problem: string | null = null;
  /** CLI flags: they apply to this run only, like every CLI flag that changes a setting. */
  private runOnly: Partial<ProxyConfig> = {};

  constructor(private readonly deps: ProxyRunnerDeps) {
    this.repo = new ProxyConfigRepo(deps.db);
    this.service = new ProxyService({
      vaults: new VaultStore(deps.db),
      gate: deps.gate,
      upstream: () => this.upstream(),
      config: () => this.config(),
      declaredTerms: deps.declaredTerms,
      locale: () => deps.settings.get().locale,
      isOffline: () => deps.settings.get().offline,
      alwaysLocalTopics: () => deps.settings.get().alwaysLocalTopics,
      clients: { record: (client) => this.repo.record(client) },
      localModel: deps.localModel,
      logger: deps.logger,
    });
  }

  config(): ProxyConfig {
    return { ...this.repo.get(), ...this.runOnly };
  }

  /** Starts with `runOnly` choices (CLI). Throws a TandemError saying why it cannot listen. */
  async start(runOnly: Partial<ProxyConfig> = {}): Promise<ProxyServer> {
    this.runOnly = runOnly;
    await this.stop();
    const token = await proxyToken(this.deps.secrets, this.deps.envToken);
    const { port } = this.config();
    try {
      this.server = await startProxyServer({ service: this.service, token, port });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === "EADDRINUSE"
          ? `port ${port} is already in use; choose another one`
          : `it could not listen on 127.0.0.1:${port} (${code ?? "unknown error"})`;
      throw new TandemError("invalid_request", `The privacy proxy did not start: ${why}.`, { cause: error });
    }
    this.problem = null;
    this.deps.logger.info("proxy listening", { port: this.server.port });
    return this.server;
  }

  /** At app start: runs the proxy if Settings has it on; a failure is shown in Settings, not fatal. */
  async startIfEnabled(): Promise<void> {
    if (!this.config().enabled) return;
    await this.start(this.runOnly).catch((error: unknown) => {
      this.problem = error instanceof Error ? error.message : String(error);
    });
  }

  async status(): Promise<ProxyStatus> {
    const config = this.config();
    const upstream = this.upstream();
    return {
      enabled: config.enabled,
      running: this.server !== null,
      port: this.server?.port ?? config.port,
      url: this.server?.baseUrl ?? null,
      token: await proxyToken(this.deps.secrets, this.deps.envToken),
      baseUrl: config.baseUrl,
      model: config.model,
      forwardsTo: upstream ? { baseUrl: upstream.baseUrl, model: upstream.provider.model } : null,
      policy: config.policy,
      clients: this.repo.clients(),
      problem: this.problem,
    };
  }

  async configure(patch: Partial<ProxyConfig>): Promise<ProxyStatus> {
    this.repo.update(patch);
    if (this.config().enabled)
      await this.start(this.runOnly).catch(
        (error: unknown) => void (this.problem = error instanceof Error ? error.message : String(error)),
      );
    else {
      await this.stop();
      this.problem = null;
    }
    return this.status();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.close();
  }

  private upstream(): Upstream | null {
    const config = this.config();
    const provider = safely(() =>
      this.deps.cloud.provider({ baseUrl: config.baseUrl, model: config.model, timeoutMs: config.timeoutMs }),
    );
    const baseUrl = config.baseUrl ?? this.deps.settings.get().cloudBaseUrl;
    return provider && baseUrl ? { provider, baseUrl } : null;
  }
}

/** A malformed saved URL must not break the status view: it reads as "not set up". */
function safely<T>(make: () => T): T | null {
  try {
    return make();
  } catch {
    return null;
  }
}
