import type { Channel } from "../../app/contract/channels";
import type { Result } from "../../app/contract/errors";
import type { AppInfo, ChatEvent, CloudStatus } from "../../app/contract/types";
import type { SecretStore } from "../../app/secrets";
import type { ProxyRunner } from "../proxy/ProxyRunner";

/**
 * What every host (Electron main, browser host, CLI) gets from `createHost`: the core, wired to
 * the store and the local model runtime, behind the contract. `handle` validates the payload
 * against the channel's schema before the core sees it and never throws: failures come back as
 * `{ ok: false, error }`.
 */
export interface Host {
  handle(channel: Channel, payload: unknown): Promise<Result<unknown>>;
  /** Subscribe to pushed events (tokens, finished messages, model loading). Returns unsubscribe. */
  onEvent(listener: (event: ChatEvent) => void): () => void;
  /** The privacy proxy of the current core (issue #13); the CLI starts it, the app follows Settings. */
  proxy(): ProxyRunner;
  /** Stops running generations (kept as "stopped"), disposes the model, closes the store. */
  close(): Promise<void>;
}

export interface HostOptions {
  dataDir: string;
  kind: AppInfo["host"];
  /** Use a GPU if llama.cpp finds one; tests pass false. Default "auto". */
  gpu?: false | "auto";
  /** Log warnings and errors only (the CLI keeps stderr for the user). Default false. */
  quiet?: boolean;
  /**
   * Where the cloud API key is kept. Default: TANDEM_CLOUD_API_KEY over a 0600 file in the data
   * directory. The Electron host passes a store backed by the OS keychain (safeStorage).
   */
  secrets?: { store: SecretStore; kind: CloudStatus["keyStorage"] };
}
