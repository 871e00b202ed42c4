/**
 * The CLI's one typed client of the host: the contract's `buildApi` over the in-process
 * `host.handle`, as the Electron preload and the browser client build theirs. A command reads a
 * reply directly (`await api.models.list({})`); a refusal becomes a `CliError` carrying the
 * host's message, which the command prints as "tandem: …" with a failure exit code.
 */
import { buildApi, type TandemApi } from "../../app/contract/channels";
import type { Result } from "../../app/contract/errors";
import type { Host } from "../host/Host";

/** A request the host refused (its message is for the user); anything else thrown is a bug. */
export class CliError extends Error {}

type Unwrapped<F> = F extends (request: infer R) => Promise<Result<infer T>> ? (request: R) => Promise<T> : never;

/** `TandemApi` with each reply unwrapped: a method resolves with the value or throws `CliError`. */
export type CliApi = { [D in keyof TandemApi]: { [V in keyof TandemApi[D]]: Unwrapped<TandemApi[D][V]> } };

export function cliApi(host: Pick<Host, "handle">): CliApi {
  const api = buildApi((channel, request) => host.handle(channel, request)) as unknown as Record<
    string,
    Record<string, (request: unknown) => Promise<Result<unknown>>>
  >;
  const unwrapped: Record<string, Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const [domain, verbs] of Object.entries(api)) {
    for (const [verb, send] of Object.entries(verbs)) {
      (unwrapped[domain] ??= {})[verb] = async (request) => {
        const result = await send(request);
        if (!result.ok) throw new CliError(result.error.message);
        return result.value;
      };
    }
  }
  return unwrapped as CliApi;
}
