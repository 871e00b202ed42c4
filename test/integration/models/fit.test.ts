import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaFitChecker } from "../../../native-models/fit/LlamaFitChecker";
import { readMachine } from "../../../native-models/hardware/readMachine";
import { LlamaRuntime } from "../../../native-models/LlamaRuntime";
import { getTinyModelPath } from "../../helpers/tinyModel";
import { downloadModelBody } from "./support/downloadModel";
import { serveModelFiles, type ModelFileServer } from "./support/serveModelFile";
import { llama70bHeader, writeLlama70bHeader } from "./support/syntheticHeaders";

/**
 * Fit checks from real GGUF headers through node-llama-cpp's GgufInsights, on this machine (CPU
 * only here: llama.cpp runs without GPU in the tests), local files and remote ones over HTTP.
 */
describe("Fit check from a GGUF header", () => {
  let runtime: LlamaRuntime;
  let fit: LlamaFitChecker;
  let server: ModelFileServer;
  let dir: string;

  beforeAll(async () => {
    runtime = await LlamaRuntime.create({ gpu: false });
    fit = new LlamaFitChecker(
      async () => runtime.llama,
      () => readMachine(runtime.llama),
    );
    server = await serveModelFiles();
    dir = await mkdtemp(join(tmpdir(), "tandem-fit-"));
  });

  afterAll(async () => {
    await server?.close();
    await runtime?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("says the tiny model fits in RAM, at most at its training context", async () => {
    const estimate = await fit.fromHeader(await getTinyModelPath(), { contextSize: 4096 });
    expect(estimate).toMatchObject({
      verdict: "fits-ram",
      basis: "header",
      contextSize: 512,
      gpuLayers: 0,
      vramBytes: 0,
      parameterCount: 156_736,
    });
    // Weights (642 KB) plus the KV cache and buffers.
    expect(estimate.estimatedBytes).toBeGreaterThan(641_632);
    expect(estimate.estimatedBytes).toBeLessThan(100e6);
    expect(estimate.summary).toMatch(
      /^Needs about \d+ MB at 512 tokens of context; this computer has .* of RAM and no GPU that llama.cpp can use\. It runs in RAM\.$/,
    );
  });

  it("says a header claiming a 70B model is too large for this computer", async () => {
    const estimate = await fit.fromHeader(await writeLlama70bHeader(), { contextSize: 4096 });
    expect(estimate.verdict).toBe("too-large");
    expect(estimate.parameterCount).toBeGreaterThan(65e9);
    expect(estimate.parameterCount).toBeLessThan(75e9);
    expect(estimate.estimatedBytes).toBeGreaterThan(totalmem());
    expect(estimate.summary).toContain("Too large for this computer.");
  });

  it("reads a remote header with Range requests, without downloading the weights", async () => {
    const body = downloadModelBody();
    server.files.set("/models/model.gguf", { body });
    server.requests.length = 0;
    const estimate = await fit.fromHeader(server.url("/models/model.gguf"), { contextSize: 1024 });
    expect(estimate).toMatchObject({ verdict: "fits-ram", basis: "header", contextSize: 1024 });
    const gets = server.requests.filter((r) => r.method === "GET");
    expect(gets.length).toBeGreaterThan(0);
    const requested = gets.reduce((sum, r) => {
      const [, from, to] = /bytes=(\d+)-(\d+)/.exec(r.range ?? "") ?? [];
      expect(from).toBeDefined();
      return sum + Number(to) - Number(from) + 1;
    }, 0);
    expect(requested).toBeLessThan(body.length / 2);
  });

  it("says a remote 70B header is too large before anything is downloaded", async () => {
    server.files.set("/models/llama-70b.gguf", { body: llama70bHeader() });
    const estimate = await fit.fromHeader(server.url("/models/llama-70b.gguf"), { contextSize: 4096 });
    expect(estimate.verdict).toBe("too-large");
  });

  it("says plainly when a remote file does not exist or the server cannot be reached", async () => {
    await expect(fit.fromHeader(server.url("/models/nothing.gguf"), { contextSize: 4096 })).rejects.toMatchObject({
      code: "download_not_found",
    });
    const closed = await serveModelFiles();
    await closed.close();
    await expect(fit.fromHeader(closed.url("/x.gguf"), { contextSize: 4096 })).rejects.toMatchObject({
      code: "download_unreachable",
    });
  });

  it("refuses a local file with a corrupt header instead of guessing", async () => {
    const corrupt = join(dir, "corrupt.gguf");
    const header = Buffer.alloc(64);
    header.write("GGUF", 0, "latin1");
    header.writeUInt32LE(3, 4);
    header.writeBigUInt64LE(1n << 60n, 8); // an impossible tensor count
    await writeFile(corrupt, header);
    await expect(fit.fromHeader(corrupt, { contextSize: 4096 })).rejects.toMatchObject({ code: "model_invalid" });
    await expect(fit.fromHeader(join(dir, "missing.gguf"), { contextSize: 4096 })).rejects.toMatchObject({
      code: "model_missing",
    });
  });
});
