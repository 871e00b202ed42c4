import { describe, expect, it } from "vitest";
import { CHANNEL_NAMES, type Channel } from "../../../../app/contract/channels";
import type { Result } from "../../../../app/contract/errors";
import { cliApi, CliError } from "../../../../main/cli/cliApi";

/** A host that records each call and answers from a table (a refusal for channels it lacks). */
function fakeHost(replies: Partial<Record<Channel, unknown>>) {
  const calls: Array<[Channel, unknown]> = [];
  const handle = async (channel: Channel, payload: unknown): Promise<Result<unknown>> => {
    calls.push([channel, payload]);
    return channel in replies
      ? { ok: true, value: replies[channel] }
      : { ok: false, error: { code: "not_found", message: `No such thing behind ${channel}.` } };
  };
  return { calls, handle };
}

describe("the CLI's client of the host", () => {
  it("calls each contract channel by name with the request as given and resolves with the reply's value", async () => {
    const host = fakeHost({ "settings:get": { offline: true }, "models:list": [] });
    const api = cliApi(host);
    await expect(api.settings.get({})).resolves.toEqual({ offline: true });
    await expect(api.models.list({})).resolves.toEqual([]);
    expect(host.calls).toEqual([
      ["settings:get", {}],
      ["models:list", {}],
    ]);
  });

  it("turns a refusal into a CliError carrying the host's message for the user", async () => {
    const api = cliApi(fakeHost({}));
    const error = await api.conversations.create({ mode: "private" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe("No such thing behind conversations:create.");
  });

  it("offers every channel of the contract, as the Electron and browser clients do", () => {
    const api = cliApi(fakeHost({})) as unknown as Record<string, Record<string, unknown>>;
    for (const name of CHANNEL_NAMES) {
      const [domain, verb] = name.split(":") as [string, string];
      expect(typeof api[domain]?.[verb]).toBe("function");
    }
  });
});
