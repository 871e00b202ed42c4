import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DownloadInfo } from "../../../app/contract/types";
import type { VerifiedDownload } from "../../../app/model/ModelTools";
import { ModelDownloads, type ModelDownloadsOptions } from "../../../native-models/download/ModelDownloads";
import { LlamaRuntime } from "../../../native-models/LlamaRuntime";
import { CHUNK_BYTES, downloadModelBody } from "./support/downloadModel";
import { serveModelFiles, type ModelFileServer } from "./support/serveModelFile";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const BODY = downloadModelBody();
const BODY_SHA = sha256(BODY);

/**
 * Downloads with node-llama-cpp's downloader against a real HTTP server on 127.0.0.1 (Range
 * support, speed limits, dropped connections), verified with the real GGUF inspection.
 */
describe("Model downloads", () => {
  let runtime: LlamaRuntime;
  let server: ModelFileServer;
  let dir: string;
  let events: DownloadInfo[];
  let verified: VerifiedDownload[];
  const opened: ModelDownloads[] = [];

  async function open(extra: Partial<ModelDownloadsOptions> = {}): Promise<ModelDownloads> {
    const downloads = await ModelDownloads.open({
      dir,
      isOffline: () => false,
      inspect: (path) => runtime.inspect(path),
      onVerified: (file) => (verified.push(file), `model-${verified.length}`),
      emit: (download) => events.push(download),
      progressIntervalMs: 50,
      stallTimeoutMs: 1500,
      connectTimeoutMs: 3000,
      ...extra,
    });
    opened.push(downloads);
    return downloads;
  }

  async function settled(downloads: ModelDownloads, id: string, timeout = 60_000): Promise<DownloadInfo> {
    await expect
      .poll(() => downloads.list().find((d) => d.id === id)?.state, { timeout, interval: 50 })
      .toMatch(/^(done|failed|paused)$/);
    return downloads.list().find((d) => d.id === id)!;
  }

  async function savedChunk(fileName = "model.gguf"): Promise<boolean> {
    // ipull writes its progress record after the data once a chunk is saved, so the partial file
    // then grows past the total size.
    const size = await stat(join(dir, `${fileName}.ipull`)).then(
      (s) => s.size,
      () => 0,
    );
    return size > BODY.length;
  }

  beforeAll(async () => {
    runtime = await LlamaRuntime.create({ gpu: false });
    server = await serveModelFiles();
  });

  afterAll(async () => {
    await server?.close();
    await runtime?.dispose();
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tandem-downloads-"));
    events = [];
    verified = [];
    server.files.clear();
    server.requests.length = 0;
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((d) => d.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it("reports bytes, speed and time left while the file arrives, then verifies it and hands it over", async () => {
    server.files.set("/models/model.gguf", { body: BODY, bytesPerSecond: 2_500_000 });
    const downloads = await open();
    const started = downloads.start({ uri: server.url("/models/model.gguf") });
    expect(started.state).toBe("downloading");
    const done = await settled(downloads, started.id);

    expect(done).toMatchObject({
      state: "done",
      modelId: "model-1",
      fileName: "model.gguf",
      totalBytes: BODY.length,
      error: null,
    });
    const moving = events.filter((e) => e.state === "downloading" && e.downloadedBytes > 0);
    expect(moving.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < moving.length; i++)
      expect(moving[i]!.downloadedBytes).toBeGreaterThanOrEqual(moving[i - 1]!.downloadedBytes);
    expect(moving.some((e) => e.bytesPerSecond > 0 && e.etaSeconds !== null && e.totalBytes === BODY.length)).toBe(
      true,
    );
    expect(events.map((e) => e.state)).toContain("verifying");

    expect(verified).toHaveLength(1);
    expect(verified[0]).toMatchObject({
      path: join(dir, "model.gguf"),
      sha256: BODY_SHA,
      uri: server.url("/models/model.gguf"),
    });
    expect(verified[0]!.summary).toMatchObject({ name: "tandem-tiny-download", architecture: "llama" });
    expect(sha256(await readFile(join(dir, "model.gguf")))).toBe(BODY_SHA);
    // Nothing is left behind but the model: no partial file, no sidecar.
    expect(await readdir(dir)).toEqual(["model.gguf"]);
  });

  it("resumes a cancelled download from its partial file and ends with an identical file", async () => {
    // The first chunk arrives at once, the rest slowly: cancel after the first chunk was saved.
    server.files.set("/models/model.gguf", { body: BODY, bytesPerSecond: 400_000, fullSpeedBelow: CHUNK_BYTES });
    const downloads = await open();
    const { id } = downloads.start({ uri: server.url("/models/model.gguf") });
    await expect.poll(() => savedChunk(), { timeout: 20_000, interval: 50 }).toBe(true);

    const paused = await downloads.cancel(id);
    expect(paused).toMatchObject({ id, state: "paused", error: null });
    expect(await readdir(dir)).toEqual(expect.arrayContaining(["model.gguf.ipull", "model.gguf.download.json"]));
    expect(await readdir(dir)).not.toContain("model.gguf");

    server.files.set("/models/model.gguf", { body: BODY });
    server.requests.length = 0;
    const resumed = downloads.start({ uri: server.url("/models/model.gguf") });
    expect(resumed.id).toBe(id);
    expect(await settled(downloads, id)).toMatchObject({ state: "done" });
    expect(sha256(await readFile(join(dir, "model.gguf")))).toBe(BODY_SHA);
    // The saved chunk was not fetched again.
    const ranges = server.requests
      .filter((r) => r.method === "GET" && r.range)
      .map((r) => Number(/bytes=(\d+)/.exec(r.range!)![1]));
    expect(ranges.length).toBeGreaterThan(0);
    expect(Math.min(...ranges)).toBeGreaterThanOrEqual(CHUNK_BYTES);
  });

  it("resumes after a crash: the next start finds the partial download and completes it", async () => {
    server.files.set("/models/model.gguf", { body: BODY, bytesPerSecond: 300_000, fullSpeedBelow: CHUNK_BYTES });
    const script = fileURLToPath(new URL("./support/downloadInChild.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script, server.url("/models/model.gguf"), dir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      await expect.poll(() => savedChunk(), { timeout: 30_000, interval: 100 }).toBe(true);
    } finally {
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
    }

    server.files.set("/models/model.gguf", { body: BODY });
    server.requests.length = 0;
    const downloads = await open();
    const [found] = downloads.list();
    expect(found).toMatchObject({
      uri: server.url("/models/model.gguf"),
      state: "paused",
      fileName: "model.gguf",
      totalBytes: BODY.length,
    });
    // Only the first chunk was saved before the crash: that is what is shown, and what is kept.
    expect(found!.downloadedBytes).toBe(CHUNK_BYTES);
    downloads.start({ uri: found!.uri });
    expect(await settled(downloads, found!.id)).toMatchObject({ state: "done" });
    expect(sha256(await readFile(join(dir, "model.gguf")))).toBe(BODY_SHA);
    expect(server.requests.some((r) => r.range?.startsWith("bytes=0-"))).toBe(false);
  });

  it("detects a file the server cut short, deletes it and says to download it again", async () => {
    server.files.set("/models/cut.gguf", { body: BODY.subarray(0, BODY.length - 200_000) });
    const downloads = await open();
    const { id } = downloads.start({ uri: server.url("/models/cut.gguf") });
    const failed = await settled(downloads, id);
    expect(failed.state).toBe("failed");
    expect(failed.error?.code).toBe("download_corrupt");
    expect(failed.error?.message).toMatch(
      /is damaged: it is not a complete GGUF model .*incomplete.*download it again/,
    );
    expect(verified).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("detects a corrupted file by the SHA-256 the server announced", async () => {
    const damaged = Buffer.from(BODY);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 1000) ^ 0xff, damaged.length - 1000);
    server.files.set("/models/bad.gguf", { body: damaged, linkedEtag: BODY_SHA });
    const downloads = await open();
    const { id } = downloads.start({ uri: server.url("/models/bad.gguf") });
    const failed = await settled(downloads, id);
    expect(failed.error?.code).toBe("download_corrupt");
    expect(failed.error?.message).toContain(`expected ${BODY_SHA}`);
    expect(verified).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("checks a SHA-256 given with the request", async () => {
    server.files.set("/models/model.gguf", { body: BODY });
    const downloads = await open();
    const { id } = downloads.start({ uri: server.url("/models/model.gguf"), sha256: "0".repeat(64) });
    expect((await settled(downloads, id)).error?.code).toBe("download_corrupt");
  });

  it("says plainly that there is nothing at an address that answers 404", async () => {
    const downloads = await open();
    const { id } = downloads.start({ uri: server.url("/models/missing.gguf") });
    const failed = await settled(downloads, id);
    expect(failed.state).toBe("failed");
    expect(failed.error).toEqual({
      code: "download_not_found",
      message: expect.stringContaining(`There is no model file at ${server.url("/models/missing.gguf")} (HTTP 404)`),
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it("stops with a clear error when the connection keeps dropping, keeps the partial file, and resumes later", async () => {
    server.files.set("/models/model.gguf", { body: BODY, dropAfterBytes: 1_000_000 });
    const downloads = await open();
    const { id } = downloads.start({ uri: server.url("/models/model.gguf") });
    const stalled = await settled(downloads, id, 30_000);
    // A failure is "failed", not "paused" (that is only what the user chose), and says a part was kept.
    expect(stalled).toMatchObject({ state: "failed", error: { code: "download_interrupted" } });
    expect(stalled.error?.message).toMatch(
      /dropped and did not come back within 2 s\. The part already downloaded is kept \(\d+\.\d MB\): Retry/,
    );
    expect(await readdir(dir)).toContain("model.gguf.download.json");

    server.files.set("/models/model.gguf", { body: BODY });
    downloads.start({ uri: server.url("/models/model.gguf") });
    expect(await settled(downloads, id)).toMatchObject({ state: "done", error: null });
    expect(sha256(await readFile(join(dir, "model.gguf")))).toBe(BODY_SHA);
  });

  it("says the server cannot be reached when nothing listens there", async () => {
    const closed = await serveModelFiles();
    const url = closed.url("/models/model.gguf");
    await closed.close();
    const downloads = await open();
    const { id } = downloads.start({ uri: url });
    const failed = await settled(downloads, id, 10_000);
    expect(failed.state).toBe("failed");
    expect(failed.error?.code).toBe("download_unreachable");
    expect(failed.error?.message).toMatch(/127\.0\.0\.1:\d+ refused the connection \(nothing answers there\)/);
    // Nothing arrived, so nothing is promised to be kept.
    expect(failed.error?.message).not.toMatch(/part already downloaded/);
  });

  it("refuses a download that does not fit on the disk before writing anything", async () => {
    server.files.set("/models/model.gguf", { body: BODY });
    const downloads = await open({ freeBytes: async () => 1_000_000 });
    const { id } = downloads.start({ uri: server.url("/models/model.gguf") });
    const refused = await settled(downloads, id);
    expect(refused.error?.code).toBe("download_disk_full");
    expect(refused.error?.message).toMatch(/Not enough disk space .*\(0\.00 GB free, 0\.01 GB needed\)/);
    expect(await readdir(dir)).not.toContain("model.gguf.ipull");
  });

  it("starts nothing in offline mode", async () => {
    server.files.set("/models/model.gguf", { body: BODY });
    const downloads = await open({ isOffline: () => true });
    // …and says where the switch is: in the sidebar, not in Settings.
    expect(() => downloads.start({ uri: server.url("/models/model.gguf") })).toThrow(
      expect.objectContaining({ code: "offline", message: expect.stringContaining("the switch in the sidebar") }),
    );
    expect(downloads.list()).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it("deletes the partial file when a paused download is discarded", async () => {
    server.files.set("/models/model.gguf", { body: BODY, bytesPerSecond: 400_000, fullSpeedBelow: CHUNK_BYTES });
    const downloads = await open();
    const { id } = downloads.start({ uri: server.url("/models/model.gguf") });
    await expect.poll(() => savedChunk(), { timeout: 20_000, interval: 50 }).toBe(true);
    expect(await downloads.cancel(id, { discard: true })).toBeNull();
    expect(downloads.list()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });
});
