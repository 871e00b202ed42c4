/**
 * A real Tandem host with its privacy proxy on 127.0.0.1 and a recording OpenAI-compatible
 * upstream: what the tests assert on are the bytes the upstream received and what clients got.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Channel } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type { ProxyConfig } from "../../../app/proxy";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { startRecordingCloud, type RecordingCloudOptions } from "../../helpers/recordingCloud";

export const CLOUD_KEY = "sk-proxy-upstream-key-0123456789";

export async function startProxyHarness(cloudOptions: RecordingCloudOptions = {}, config: Partial<ProxyConfig> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "tandem-proxy-"));
  const cloud = await startRecordingCloud(cloudOptions);
  const host = await createHost({ dataDir: dir, kind: "cli", gpu: false, quiet: true });
  const call = async <T>(channel: Channel, payload: unknown = {}): Promise<T> => {
    const result = (await host.handle(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  await call("cloud:configure", { baseUrl: cloud.baseUrl, model: "test-model", apiKey: CLOUD_KEY });
  const server = await host.proxy().start({ port: 0, enabled: true, ...config });
  const { token } = await host.proxy().status();
  return {
    dir,
    cloud,
    host: host as Host,
    call,
    baseUrl: server.baseUrl,
    port: server.port,
    token,
    async close() {
      await host.close();
      await cloud.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request with exactly the given headers (fetch would not let a test set Host). */
export function rawRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: options.method ?? "POST",
        path: options.path ?? "/v1/chat/completions",
        headers: options.headers ?? {},
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8") }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
