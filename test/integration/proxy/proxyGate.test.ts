import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditLog, EgressGate } from "../../../app/egress";
import { silentLogger } from "../../../app/logging/Logger";
import { VaultStore } from "../../../app/privacy";
import { DEFAULT_PROXY_CONFIG, ProxyService } from "../../../app/proxy";
import { CloudProvider } from "../../../app/providers/cloud";
import { Store } from "../../../app/store/Store";
import { startProxyServer, type ProxyServer } from "../../../main/proxy/startProxyServer";
import { startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";

/**
 * The gate is the last word: when its re-scan finds something the sanitizer let through (here it
 * knows a term the sanitizer was not told about, as a newer recognizer or the model pass would),
 * the proxy fails closed — the app gets an OpenAI-shaped error naming the kind, and nothing leaves.
 */
describe("the privacy proxy behind a gate that finds more than the sanitizer", () => {
  let dir: string;
  let store: Store;
  let cloud: RecordingCloud;
  let server: ProxyServer;
  let audit: AuditLog;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-proxy-gate-"));
    store = Store.open(join(dir, "tandem.db"));
    cloud = await startRecordingCloud();
    audit = new AuditLog(store.db);
    const gate = new EgressGate({
      audit,
      isOffline: () => false,
      detectOptions: { declaredTerms: [{ text: "bluebird", type: "SECRET" }] },
    });
    const provider = new CloudProvider(
      { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-gate" },
      { logger: silentLogger },
    );
    const service = new ProxyService({
      vaults: new VaultStore(store.db),
      gate,
      upstream: () => ({ provider, baseUrl: cloud.baseUrl }),
      config: () => DEFAULT_PROXY_CONFIG,
      declaredTerms: () => [],
      locale: () => "en-US",
      isOffline: () => false,
      localModel: null,
      logger: silentLogger,
    });
    server = await startProxyServer({ service, token: "gate-token", port: 0 });
  });

  afterAll(async () => {
    await server.close();
    await cloud.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses with a 403 that names the kind of item but not its value, sends nothing and logs the refusal without the value", async () => {
    const client = new OpenAI({ baseURL: server.baseUrl, apiKey: "gate-token", maxRetries: 0 });
    const error = await client.chat.completions
      .create({ model: "m", messages: [{ role: "user", content: "The code word is bluebird." }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(403);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe("egress_blocked");
    expect((error as Error).message).toMatch(/secret ×1/);
    expect((error as Error).message).not.toContain("bluebird");
    expect(cloud.requests).toHaveLength(0);
    // The privacy log shows the refusal: what kind of item the re-scan found, and that nothing was sent.
    const [row] = audit.list();
    expect(audit.count()).toBe(1);
    expect(JSON.parse(row!.check)).toMatchObject({
      refused: "private-items-left",
      found: [{ type: "SECRET", count: 1 }],
    });
    expect(row).toMatchObject({ payload: "", bytes: 0 });
    expect(JSON.stringify(row)).not.toContain("bluebird");
  });

  it("still forwards a request the gate finds clean", async () => {
    const client = new OpenAI({ baseURL: server.baseUrl, apiKey: "gate-token", maxRetries: 0 });
    const reply = await client.chat.completions.create({
      model: "m",
      messages: [{ role: "user", content: "The weather is fine." }],
    });
    expect(reply.choices[0]?.message.content).toBe("The weather is fine.");
    expect(cloud.requests).toHaveLength(1);
    expect(audit.count()).toBe(2);
    expect(JSON.parse(audit.list()[0]!.check)).toMatchObject({ clean: true });
  });
});
