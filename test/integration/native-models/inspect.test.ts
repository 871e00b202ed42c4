import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TandemError } from "../../../app/contract/errors";
import { LlamaRuntime } from "../../../native-models/LlamaRuntime";
import { gguf, writeGguf } from "../../../native-models/gguf/writeGguf";
import { tinyGgufSpec, writeTinyGguf } from "../../../native-models/gguf/writeTinyGguf";
import { getTinyModelPath } from "../../helpers/tinyModel";

let runtime: LlamaRuntime;
let dir: string;
let tinyPath: string;
let tiny: Buffer;

beforeAll(async () => {
  runtime = await LlamaRuntime.create({ gpu: false });
  dir = await mkdtemp(join(tmpdir(), "tandem-native-models-"));
  tinyPath = await getTinyModelPath();
  tiny = await readFile(tinyPath);
});

afterAll(async () => {
  await runtime.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** Both inspect and load must refuse the file with this code; returns the error. */
async function expectRefused(path: string, code: string): Promise<TandemError> {
  const inspected = await runtime.inspect(path).catch((e: unknown) => e);
  const loaded = await runtime.load(path, { threads: 1, contextSize: 256 }).catch((e: unknown) => e);
  for (const error of [inspected, loaded]) {
    expect(error).toBeInstanceOf(TandemError);
    expect((error as TandemError).code).toBe(code);
  }
  return inspected as TandemError;
}

describe("LlamaRuntime.inspect", () => {
  it("reports the tiny model's architecture, size, context length, quantization and chat template", async () => {
    const summary = await runtime.inspect(tinyPath);
    const spec = tinyGgufSpec({}, { withData: false });
    const parameters = spec.tensors.reduce((sum, t) => sum + t.dims.reduce((a, b) => a * b, 1), 0);
    expect(summary).toEqual({
      path: tinyPath,
      sizeBytes: (await stat(tinyPath)).size,
      name: "tandem-tiny",
      architecture: "llama",
      parameterCount: parameters,
      quantization: "F32",
      contextLength: 512,
      hasChatTemplate: true,
    });
  });

  it("says so when a model has no chat template", async () => {
    const path = join(dir, "no-template.gguf");
    await writeTinyGguf(path, { chatTemplate: null, contextLength: 1024 });
    expect(await runtime.inspect(path)).toMatchObject({ hasChatTemplate: false, contextLength: 1024 });
  });

  it("writes the same bytes for the same options", async () => {
    const path = join(dir, "again.gguf");
    await writeTinyGguf(path);
    expect((await readFile(path)).equals(tiny)).toBe(true);
  });
});

describe("files that are not loadable models", () => {
  it("a missing file is model_missing, naming the path and what to do", async () => {
    const path = join(dir, "nowhere.gguf");
    const error = await expectRefused(path, "model_missing");
    expect(error.message).toBe(`Model file not found: ${path}. Check the path or add the model again.`);
  });

  it("a text file is model_invalid: not a GGUF model", async () => {
    const error = await expectRefused(
      await fileWith("notes.gguf", "Dear diary, today I bought a model.\n"),
      "model_invalid",
    );
    expect(error.message).toMatch(/is not a GGUF model.*Choose a \.gguf model file/);
  });

  it("an empty file is model_invalid: empty", async () => {
    const error = await expectRefused(await fileWith("empty.gguf", Buffer.alloc(0)), "model_invalid");
    expect(error.message).toMatch(/is empty \(0 bytes\)/);
  });

  it("a folder is model_invalid", async () => {
    await mkdir(join(dir, "folder.gguf"));
    const error = await expectRefused(join(dir, "folder.gguf"), "model_invalid");
    expect(error.message).toMatch(/is a folder/);
  });

  it("a model cut off anywhere — header, metadata, tensor table or tensor data — is model_invalid: incomplete", async () => {
    const info = await readGgufFileInfo(tinyPath, { sourceType: "filesystem", logWarnings: false });
    const dataStart = info.infoEndOffset as number;
    const cuts = [
      6,
      30,
      4000,
      dataStart - 100,
      dataStart,
      dataStart + 1000,
      Math.floor(tiny.length / 2),
      tiny.length - 1,
    ];
    for (const cut of cuts) {
      const error = await expectRefused(await fileWith(`cut-${cut}.gguf`, tiny.subarray(0, cut)), "model_invalid");
      expect(error.message).toMatch(/is incomplete: .*download it again/);
    }
  });

  it("a header that claims gigabytes of tensors the file does not hold is model_invalid", async () => {
    const path = join(dir, "huge-claim.gguf");
    await writeGguf(
      path,
      tinyGgufSpec(
        { embeddingLength: 8192, headCount: 64, feedForwardLength: 28672, blockCount: 80 },
        { withData: false },
      ),
    );
    const error = await expectRefused(path, "model_invalid");
    expect(error.message).toMatch(/but its tensors need \d{11,}/);
  });

  it("garbage after the GGUF signature is model_invalid: corrupt header, and does not hang", async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const error = await expectRefused(
      await fileWith("garbage.gguf", Buffer.concat([Buffer.from("GGUF"), Buffer.from([3, 0, 0, 0]), noise])),
      "model_invalid",
    );
    expect(error.message).toMatch(/corrupt GGUF header/);
  });

  it("an unknown GGUF version is model_invalid", async () => {
    const bytes = Buffer.from(tiny);
    bytes.writeUInt32LE(99, 4);
    const error = await expectRefused(await fileWith("v99.gguf", bytes), "model_invalid");
    expect(error.message).toMatch(/unsupported GGUF version 99/);
  });

  it("a GGUF with no architecture (not a model) is model_invalid", async () => {
    const spec = tinyGgufSpec();
    delete spec.metadata["general.architecture"];
    const path = join(dir, "no-arch.gguf");
    await writeGguf(path, spec);
    const error = await expectRefused(path, "model_invalid");
    expect(error.message).toMatch(/names no architecture/);
  });

  it("an architecture llama.cpp does not know is model_load_failed, naming the architecture", async () => {
    const spec = tinyGgufSpec();
    spec.metadata["general.architecture"] = gguf.str("tandem-unknown-arch");
    const path = join(dir, "unknown-arch.gguf");
    await writeGguf(path, spec);
    expect(await runtime.inspect(path)).toMatchObject({ architecture: "tandem-unknown-arch" });
    const error = await runtime.load(path, { threads: 1, contextSize: 256 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect(error).toMatchObject({ code: "model_load_failed" });
    expect((error as TandemError).message).toMatch(/architecture "tandem-unknown-arch" is not supported/);
  });

  it("a model llama.cpp refuses (a tensor missing) is model_load_failed, with llama.cpp's reason and the cause kept", async () => {
    const spec = tinyGgufSpec();
    spec.tensors = spec.tensors.filter((t) => t.name !== "blk.1.ffn_up.weight");
    const path = join(dir, "missing-tensor.gguf");
    await writeGguf(path, spec);
    const error = await runtime.load(path, { threads: 1, contextSize: 256 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect(error).toMatchObject({ code: "model_load_failed" });
    // llama.cpp words it "missing tensor '…'" or "tensor '…' not found" depending on the load path.
    expect((error as TandemError).message).toMatch(
      /(missing tensor 'blk\.1\.ffn_up\.weight'|tensor 'blk\.1\.ffn_up\.weight' not found)/,
    );
    expect((error as TandemError).cause).toBeInstanceOf(Error);
  });

  it("still loads and runs a good model after all those refusals", async () => {
    const model = await runtime.load(tinyPath, { threads: 1, contextSize: 256 });
    const result = await model.generate({ turns: [{ role: "user", content: "hi" }], maxTokens: 4, seed: 1 });
    expect(result.tokens).toBeGreaterThan(0);
    await model.dispose();
  });
});
