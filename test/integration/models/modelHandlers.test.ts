import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type {
  AppSettings,
  CatalogItem,
  ChatEvent,
  ConversationSummary,
  DownloadInfo,
  HardwareInfo,
  Message,
  ModelInfo,
} from "../../../app/contract/types";
import { waitForAnswer } from "../../../main/cli/commands/waitForAnswer";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { getTinyModelPath } from "../../helpers/tinyModel";
import { downloadModelBody } from "./support/downloadModel";
import { serveModelFiles, type ModelFileServer } from "./support/serveModelFile";

/** Model management through the host, as the app and the CLI use it (CPU only, temp data folder). */
describe("Model management through the host", () => {
  let dataDir: string;
  let host: Host;
  let server: ModelFileServer;
  const events: ChatEvent[] = [];
  const body = downloadModelBody();

  async function call<T>(channel: Channel, payload: unknown = {}): Promise<T> {
    const result = (await host.handle(channel, payload)) as Result<T>;
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  }

  async function answer(text: string): Promise<Message> {
    const conversation = await call<ConversationSummary>("conversations:create", { mode: "private" });
    const finished = waitForAnswer(host, conversation.id, () => {});
    const sent = await call<{ assistantMessage: Message }>("chat:send", { conversationId: conversation.id, text });
    return finished(sent.assistantMessage.id);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "tandem-models-host-"));
    host = await createHost({ dataDir, kind: "cli", gpu: false, quiet: true });
    host.onEvent((event) => events.push(event));
    await call("settings:update", { threads: 1, maxAnswerTokens: 16 });
    server = await serveModelFiles();
  });

  afterAll(async () => {
    await host?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists the catalog with a fit verdict for each entry and one recommendation", async () => {
    const catalog = await call<CatalogItem[]>("models:catalog");
    expect(catalog.length).toBeGreaterThanOrEqual(10);
    expect(catalog.filter((item) => item.recommended)).toHaveLength(1);
    for (const item of catalog)
      expect(item.fit).toMatchObject({
        basis: "catalog",
        verdict: expect.stringMatching(/^(fits-gpu|fits-ram|too-large)$/),
      });
    expect(catalog.find((item) => item.id === "llama-3.3-70b-instruct")?.fit.verdict).toBe("too-large");
    expect(catalog.find((item) => item.recommended)?.fit.verdict).not.toBe("too-large");
  });

  it("downloads a model from a URL with progress events, checks it and makes it the active model", async () => {
    server.files.set("/models/tiny-download.gguf", { body, bytesPerSecond: 3_000_000 });
    const started = await call<DownloadInfo>("models:download", { uri: server.url("/models/tiny-download.gguf") });
    await expect
      .poll(async () => (await call<DownloadInfo[]>("models:downloads"))[0]?.state, { timeout: 60_000 })
      .toBe("done");

    const progress = events.flatMap((e) =>
      e.type === "download:progress" && e.download.id === started.id ? [e.download] : [],
    );
    expect(progress.filter((d) => d.state === "downloading" && d.downloadedBytes > 0).length).toBeGreaterThanOrEqual(2);
    const done = progress.at(-1)!;
    const models = await call<ModelInfo[]>("models:list");
    const model = models.find((m) => m.id === done.modelId)!;
    expect(model).toMatchObject({
      name: "tandem-tiny-download",
      path: join(dataDir, "models", "tiny-download.gguf"),
      source: server.url("/models/tiny-download.gguf"),
      sha256: createHash("sha256").update(body).digest("hex"),
      architecture: "llama",
      contextLength: 2048,
      hasChatTemplate: true,
      settings: { contextSize: null, gpuLayers: "auto", threads: null },
    });
    expect((await call<AppSettings>("settings:get")).activeModelId).toBe(model.id);
    expect((await answer("Hello")).status).toBe("done");
    // The download left the device through the egress gate, so the privacy log shows it.
    const log = await call<Array<{ endpoint: string; model: string }>>("egress:list", {});
    // …as a download, with the real request line rather than a made-up chat payload.
    const url = server.url("/models/tiny-download.gguf");
    expect(log).toContainEqual(expect.objectContaining({ kind: "download", endpoint: url, payload: `GET ${url}` }));
  });

  it("keeps per-model settings, loads the model with them, reports its memory, and unloads it", async () => {
    const active = (await call<AppSettings>("settings:get")).activeModelId!;
    const updated = await call<ModelInfo>("models:update", { id: active, contextSize: 512, threads: 1 });
    expect(updated.settings).toEqual({ contextSize: 512, gpuLayers: "auto", threads: 1 });
    events.length = 0;
    expect((await answer("Hello again")).status).toBe("done");
    expect(events.some((e) => e.type === "model:loadProgress" && e.modelId === active)).toBe(true);

    const hardware = await call<HardwareInfo>("hardware:info");
    expect(hardware).toMatchObject({
      cpuCores: availableParallelism(),
      ramTotalBytes: totalmem(),
      backend: "CPU",
      gpus: [],
      vramTotalBytes: 0,
    });
    expect(hardware.loadedModel).toMatchObject({
      modelId: active,
      state: "loaded",
      progress: 1,
      contextSize: 512,
      threads: 1,
      gpuLayers: 0,
    });
    expect(hardware.loadedModel!.modelBytes).toBeGreaterThan(10_000_000);
    expect(hardware.loadedModel!.contextBytes).toBeGreaterThan(0);
    expect(hardware.processMemoryBytes).toBeGreaterThan(hardware.loadedModel!.modelBytes!);

    expect(await call("models:unload")).toEqual({ unloaded: true });
    expect(events).toContainEqual({ type: "model:unloaded", modelId: active });
    expect((await call<HardwareInfo>("hardware:info")).loadedModel).toBeNull();
    expect(await call("models:unload")).toEqual({ unloaded: false });
  });

  it("imports a model file by copying it into the data folder, or uses it where it is", async () => {
    const tiny = await getTinyModelPath();
    const copied = await call<ModelInfo>("models:import", { path: tiny, copy: true });
    expect(copied).toMatchObject({
      path: join(dataDir, "models", "tiny-llama.gguf"),
      source: "import",
      architecture: "llama",
      parameterCount: 156_736,
      quantization: "F32",
      contextLength: 512,
      hasChatTemplate: true,
    });
    expect(existsSync(copied.path)).toBe(true);
    const again = await call<ModelInfo>("models:import", { path: tiny, copy: true });
    expect(again.path).toBe(join(dataDir, "models", "tiny-llama-2.gguf"));
    const inPlace = await call<ModelInfo>("models:import", { path: tiny });
    expect(inPlace).toMatchObject({ path: tiny, source: "file" });
    await expect(call("models:import", { path: join(dataDir, "nothing.gguf"), copy: true })).rejects.toMatchObject({
      code: "model_missing",
    });
  });

  it("refuses downloads and remote header checks in offline mode, but checks local files", async () => {
    await call("settings:update", { offline: true });
    try {
      server.requests.length = 0;
      await expect(call("models:download", { uri: server.url("/models/tiny-download.gguf") })).rejects.toMatchObject({
        code: "offline",
      });
      await expect(call("models:fit", { source: server.url("/models/tiny-download.gguf") })).rejects.toMatchObject({
        code: "offline",
      });
      expect(server.requests).toEqual([]);
      expect(await call("models:fit", { source: await getTinyModelPath() })).toMatchObject({
        verdict: "fits-ram",
        basis: "header",
      });
    } finally {
      await call("settings:update", { offline: false });
    }
  });
});
