import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TandemError } from "../../../app/contract/errors";
import type { ChatTurn } from "../../../app/model/LocalModel";
import { LlamaLocalModel } from "../../../native-models/LlamaLocalModel";
import { defaultThreads, LlamaRuntime } from "../../../native-models/LlamaRuntime";
import { writeGguf } from "../../../native-models/gguf/writeGguf";
import { tinyGgufSpec } from "../../../native-models/gguf/writeTinyGguf";
import { getTinyModelPath } from "../../helpers/tinyModel";

const turns: ChatTurn[] = [{ role: "user", content: "Tell me a long story." }];
let runtime: LlamaRuntime;
let modelPath: string;

beforeAll(async () => {
  runtime = await LlamaRuntime.create({ gpu: false });
  modelPath = await getTinyModelPath();
});

afterAll(async () => {
  await runtime.dispose();
  await runtime.dispose();
  expect(runtime.llama.disposed).toBe(true);
});

function asLlama(model: unknown): LlamaLocalModel {
  expect(model).toBeInstanceOf(LlamaLocalModel);
  return model as LlamaLocalModel;
}

describe("loading and unloading a local model", () => {
  it("reports load progress up to 1 and caps the context at the model's training length", async () => {
    const progress: number[] = [];
    const model = await runtime.load(modelPath, { threads: 1, contextSize: 4096, onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toBe(1);
    expect(model.contextSize).toBe(512);
    expect(model.path).toBe(modelPath);
    await model.dispose();
  });

  it("frees the llama.cpp model on dispose, and a second dispose is harmless", async () => {
    const model = asLlama(await runtime.load(modelPath, { threads: 1, contextSize: 256 }));
    expect(model.disposed).toBe(false);
    expect(model.llamaModel.disposed).toBe(false);
    await model.dispose();
    expect(model.disposed).toBe(true);
    expect(model.llamaModel.disposed).toBe(true);
    await expect(model.dispose()).resolves.toBeUndefined();
  });

  it("refuses to generate after dispose with a typed error", async () => {
    const model = await runtime.load(modelPath, { threads: 1, contextSize: 256 });
    await model.dispose();
    const error = await model.generate({ turns, maxTokens: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect(error).toMatchObject({ code: "generation_failed" });
    expect(() => model.countTokens("hi")).toThrow(TandemError);
  });

  it("ends a running generation as aborted when the model is disposed mid-answer", async () => {
    const model = asLlama(await runtime.load(modelPath, { threads: 1, contextSize: 512 }));
    let disposing: Promise<void> | null = null;
    const result = await model.generate({
      turns,
      maxTokens: 400,
      seed: 5,
      onText: () => {
        disposing ??= model.dispose();
      },
    });
    await disposing;
    expect(result.stopReason).toBe("aborted");
    expect(result.tokens).toBeLessThan(400);
    expect(model.llamaModel.disposed).toBe(true);
  });

  it("unloads every model it loaded when the runtime is disposed", async () => {
    const local = await LlamaRuntime.create({ gpu: false });
    const a = asLlama(await local.load(modelPath, { threads: 1, contextSize: 256 }));
    const b = asLlama(await local.load(modelPath, { threads: 1, contextSize: 256 }));
    await local.dispose();
    expect([a.disposed, b.disposed, a.llamaModel.disposed, b.llamaModel.disposed]).toEqual([true, true, true, true]);
    expect(local.llama.disposed).toBe(true);
    await expect(local.load(modelPath, { threads: 1, contextSize: 256 })).rejects.toBeInstanceOf(TandemError);
  });

  it("finishes disposing the runtime even after llama.cpp refused a model and it was garbage-collected", async () => {
    // node-llama-cpp 3.21.1 leaks a dispose handle for a model whose native load failed; once
    // that model is collected, llama.dispose() never settles. Force the collection.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const dir = await mkdtemp(join(tmpdir(), "tandem-refused-"));
    try {
      const spec = tinyGgufSpec();
      spec.tensors = spec.tensors.filter((t) => t.name !== "output_norm.weight");
      await writeGguf(join(dir, "refused.gguf"), spec);
      const local = await LlamaRuntime.create({ gpu: false });
      await expect(local.load(join(dir, "refused.gguf"), { threads: 1, contextSize: 256 })).rejects.toMatchObject({
        code: "model_load_failed",
      });
      gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
      gc();
      const started = performance.now();
      await local.dispose();
      expect(performance.now() - started).toBeLessThan(5000);
      expect(local.llama.disposed).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("defaults to the machine's real core count, not node-llama-cpp's minimum of 4 threads", () => {
    expect(defaultThreads()).toBe(availableParallelism());
  });
});
