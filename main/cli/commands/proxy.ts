import { parseArgs } from "node:util";
import { TandemError } from "../../../app/contract/errors";
import { PROXY_POLICIES, type ProxyConfig, type ProxyPolicy } from "../../../app/proxy";
import { createHost } from "../../host/createHost";
import { cliApi, CliError } from "../cliApi";
import { EXIT_FAILED, EXIT_OK, type CliIo } from "../CliIo";
import { usageError, write } from "../cliOutput";

const USAGE = `Usage: [TANDEM_PROXY_TOKEN=…] npm run -s cli -- proxy [--port <p>] [--cloud-base-url <url> --cloud-model <m>] [--policy sanitize|block|local|auto] [--offline]
  Runs Tandem's privacy proxy: a local OpenAI-compatible endpoint (POST /v1/chat/completions,
  GET /v1/models) on 127.0.0.1 until Ctrl+C. Requests are sanitized, pass the egress gate and
  the privacy log, go to the cloud model, and answers are restored before the app sees them.
  --port            default: Settings → Privacy proxy (4319)
  --cloud-base-url  where to forward (default: Settings → Privacy proxy, else Settings → Cloud)
  --cloud-model     the model to forward to (same defaults)
  --policy          sanitize (default) | block (refuse requests with private items) | local (the local model answers)
                    | auto (Auto mode's rules decide per request: local model or sanitized to the cloud)
  --offline         nothing leaves this device for this run (refused, or answered locally under --policy local)
  The token apps send as "Authorization: Bearer <token>": TANDEM_PROXY_TOKEN, else the one kept in
  the secret store (made once). The cloud key: the saved one or TANDEM_CLOUD_API_KEY.`;

type Options = {
  port?: string;
  "cloud-base-url"?: string;
  "cloud-model"?: string;
  policy?: string;
  offline?: boolean;
  help?: boolean;
};

/** `proxy`: serves until SIGINT/SIGTERM; the flags apply to this run only. */
export async function proxyCommand(args: string[], io: CliIo, until: Promise<void> = interrupted()): Promise<number> {
  let values: Options;
  try {
    values = parseArgs({
      args,
      options: {
        port: { type: "string" },
        "cloud-base-url": { type: "string" },
        "cloud-model": { type: "string" },
        policy: { type: "string" },
        offline: { type: "boolean" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    return usageError(io, USAGE, (error as Error).message);
  }
  if (values.help) return write(io.stdout, USAGE + "\n", EXIT_OK);
  const runOnly = runOnlyConfig(values);
  if (typeof runOnly === "string") return usageError(io, USAGE, runOnly);
  return serve(runOnly, Boolean(values.offline), io, until);
}

async function serve(
  runOnly: Partial<ProxyConfig>,
  offline: boolean,
  io: CliIo,
  until: Promise<void>,
): Promise<number> {
  const host = await createHost({ dataDir: io.dataDir, kind: "cli", gpu: "auto", quiet: true });
  let restoreOffline: (() => Promise<void>) | null = null;
  try {
    if (offline) restoreOffline = await setOffline(host);
    const server = await host.proxy().start({ ...runOnly, enabled: true });
    const status = await host.proxy().status();
    io.stdout.write(`Tandem privacy proxy on ${server.baseUrl}\n`);
    const target =
      status.policy === "local"
        ? "the local model"
        : status.forwardsTo
          ? `${status.forwardsTo.model} at ${status.forwardsTo.baseUrl}`
          : "nothing yet (set --cloud-base-url and --cloud-model)";
    io.stderr.write(
      `Policy: ${status.policy}. Forwards to ${target}.\nToken: ${status.token}\nPress Ctrl+C to stop.\n`,
    );
    await until;
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof TandemError) && !(error instanceof CliError)) throw error;
    return write(io.stderr, `tandem: ${error.message}\n`, EXIT_FAILED);
  } finally {
    await restoreOffline?.();
    await host.close();
  }
}

function runOnlyConfig(values: Options): Partial<ProxyConfig> | string {
  const config: Partial<ProxyConfig> = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1024 || port > 65535)
      return `--port must be a number from 1024 to 65535, not "${values.port}".`;
    config.port = port;
  }
  if (values.policy !== undefined) {
    if (!(PROXY_POLICIES as readonly string[]).includes(values.policy))
      return `--policy must be one of ${PROXY_POLICIES.join(", ")}.`;
    config.policy = values.policy as ProxyPolicy;
  }
  if (values["cloud-base-url"] !== undefined) config.baseUrl = values["cloud-base-url"];
  if (values["cloud-model"] !== undefined) config.model = values["cloud-model"];
  return config;
}

/** Offline for this run only: the saved setting comes back when the proxy stops. */
async function setOffline(host: Awaited<ReturnType<typeof createHost>>): Promise<() => Promise<void>> {
  const api = cliApi(host);
  const { offline: was } = await api.settings.get({});
  await api.settings.update({ offline: true });
  return async () => void (await api.settings.update({ offline: was }));
}

function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}
