import type { Channel } from "../../app/contract/channels";
import type { Result } from "../../app/contract/errors";
import type { AppInfo, ChatEvent } from "../../app/contract/types";

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
}
