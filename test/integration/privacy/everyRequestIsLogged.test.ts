import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type { AuditRecord } from "../../../app/egress";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";
import { downloadModelBody } from "../models/support/downloadModel";
import { serveModelFiles, type ModelFileServer } from "../models/support/serveModelFile";

/**
 * README: "Downloads and remote header checks go through the same egress gate as cloud requests,
 * so they appear in the privacy log", and "Test connection" is a request like any other. Each
 * request that reached a server on 127.0.0.1 must have its row in the privacy log, and none may
 * reach a server in offline mode.
 */
describe("every request that leaves the device is in the privacy log", () => {
  let dataDir: string;
  let host: Host;
  let files: ModelFileServer;
  let cloud: RecordingCloud;

  async function call<T>(channel: Channel, payload: unknown = {}): Promise<T> {
    const result = (await host.handle(channel, payload)) as Result<T>;
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  }
  const log = () => call<AuditRecord[]>("egress:list", {});

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tandem-egress-all-"));
    host = await createHost({ dataDir, kind: "cli", gpu: false, quiet: true });
    files = await serveModelFiles();
    files.files.set("/models/header.gguf", { body: downloadModelBody() });
    cloud = await startRecordingCloud();
  });

  afterAll(async () => {
    await host?.close();
    await files?.close();
    await cloud?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("a remote model header check (models:fit) has its row, with the address it read", async () => {
    const url = files.url("/models/header.gguf");
    files.requests.length = 0;
    const estimate = await call<{ verdict: string }>("models:fit", { source: url, contextSize: 512 });
    expect(estimate.verdict).toBe("fits-ram");
    expect(files.requests.length).toBeGreaterThan(0);
    const rows = (await log()).filter((r) => r.endpoint === url);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ model: "model header (fit check)", conversationId: null });
  });

  it("Test connection is logged with the endpoint it called", async () => {
    await call("cloud:configure", { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-test" });
    const before = cloud.requests.length;
    const result = await call<{ ok: boolean }>("cloud:test", {});
    expect(result.ok).toBe(true);
    expect(cloud.requests.length).toBeGreaterThan(before);
    const rows = (await log()).filter((r) => r.endpoint === `${cloud.baseUrl}/models`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ model: "test-model", conversationId: null });
  });

  it("in offline mode Test connection sends nothing and says why", async () => {
    await call("settings:update", { offline: true });
    try {
      const rowsBefore = (await log()).length;
      const before = cloud.requests.length;
      const result = await call<{ ok: boolean; message: string }>("cloud:test", {});
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Offline mode/) });
      expect(cloud.requests.length).toBe(before);
      expect(await log()).toHaveLength(rowsBefore);
    } finally {
      await call("settings:update", { offline: false });
    }
  });
});
