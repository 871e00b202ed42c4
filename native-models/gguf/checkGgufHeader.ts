/**
 * Walks a GGUF header with every length checked against the file size, before node-llama-cpp's
 * parser sees it. Why: that parser reads past the end of a file as zeros, so a truncated file
 * "parses" into garbage, and a corrupt array length (say 2^50) makes it loop for hours. This walk
 * is bounded by the file size and turns both into a `model_invalid` error with a reason.
 */
import { open, type FileHandle } from "node:fs/promises";
import { TandemError } from "../../app/contract/errors";

export interface GgufHeaderCheck {
  version: number;
  tensorCount: number;
  /** Absolute offset where tensor data begins (header end, aligned). */
  dataStart: number;
}

class Truncated extends Error {}
class Corrupt extends Error {}

/** Fixed byte sizes of GGUF scalar value types; 8 = string, 9 = array are variable. */
const SCALAR_SIZE: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const WINDOW = 1 << 20;

/** Sequential little-endian reads through a 1 MiB window; a read past the end throws `Truncated`. */
class HeaderReader {
  pos = 0;
  private window = Buffer.alloc(0);
  private windowStart = 0;
  constructor(
    private readonly file: FileHandle,
    readonly size: number,
  ) {}

  private async need(n: number): Promise<Buffer> {
    if (this.pos + n > this.size) throw new Truncated();
    const rel = this.pos - this.windowStart;
    if (rel < 0 || rel + n > this.window.length) {
      const length = Math.min(Math.max(n, WINDOW), this.size - this.pos);
      this.window = Buffer.alloc(length);
      await this.file.read(this.window, 0, length, this.pos);
      this.windowStart = this.pos;
    }
    const start = this.pos - this.windowStart;
    this.pos += n;
    return this.window.subarray(start, start + n);
  }
  async u32(): Promise<number> {
    return (await this.need(4)).readUInt32LE(0);
  }
  async u64(): Promise<number> {
    // Beyond 2^53 nothing in a real header fits the file anyway: treat it as corrupt.
    const value = (await this.need(8)).readBigUInt64LE(0);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Corrupt(`an impossible length, ${value}`);
    return Number(value);
  }
  skip(n: number): void {
    if (this.pos + n > this.size) throw new Truncated();
    this.pos += n;
  }
  async string(): Promise<string> {
    const length = await this.u64();
    if (this.pos + length > this.size) throw new Truncated();
    if (length <= 256) return (await this.need(length)).toString("utf8");
    this.skip(length); // only short strings (keys, tensor names) are ever compared
    return "";
  }
}

async function skipValue(r: HeaderReader, type: number, depth = 0): Promise<void> {
  if (type in SCALAR_SIZE) return r.skip(SCALAR_SIZE[type] as number);
  if (type === 8) return void (await r.string());
  if (type !== 9 || depth > 2) throw new Corrupt(`unknown value type ${type}`);
  const itemType = await r.u32();
  const count = await r.u64();
  if (itemType in SCALAR_SIZE) return r.skip(count * (SCALAR_SIZE[itemType] as number));
  // Each variable-size item takes at least 8 bytes, so this loop ends within size/8 steps.
  for (let i = 0; i < count; i++) await skipValue(r, itemType, depth + 1);
}

async function walk(r: HeaderReader): Promise<GgufHeaderCheck> {
  const version = await r.u32();
  if (version !== 2 && version !== 3)
    throw new Corrupt(`unsupported GGUF version ${version}; llama.cpp reads versions 2 and 3`);
  const tensorCount = await r.u64();
  const kvCount = await r.u64();
  let alignment = 32;
  for (let i = 0; i < kvCount; i++) {
    const key = await r.string();
    const type = await r.u32();
    if (key === "general.alignment" && type === 4) alignment = await r.u32();
    else await skipValue(r, type);
  }
  if (alignment === 0 || alignment % 8 !== 0) throw new Corrupt(`alignment ${alignment}`);
  for (let i = 0; i < tensorCount; i++) {
    await r.string();
    const dims = await r.u32();
    if (dims > 4) throw new Corrupt(`a tensor with ${dims} dimensions`);
    r.skip(dims * 8 + 4 + 8); // dims, ggml type, data offset
  }
  const dataStart = Math.ceil(r.pos / alignment) * alignment;
  return { version, tensorCount, dataStart };
}

/** Checks the header's structure; throws `TandemError("model_invalid")` saying what is wrong. */
export async function checkGgufHeader(filePath: string, size: number): Promise<GgufHeaderCheck> {
  if (size === 0)
    throw new TandemError(
      "model_invalid",
      `The file ${filePath} is empty (0 bytes), not a model. Choose a .gguf model file.`,
    );
  const file = await open(filePath, "r");
  try {
    const magic = Buffer.alloc(4);
    await file.read(magic, 0, 4, 0);
    if (size < 4 || magic.toString("latin1") !== "GGUF") {
      throw new TandemError(
        "model_invalid",
        `The file ${filePath} is not a GGUF model (it does not start with the GGUF signature). Choose a .gguf model file.`,
      );
    }
    const reader = new HeaderReader(file, size);
    reader.pos = 4;
    return await walk(reader);
  } catch (error) {
    if (error instanceof Truncated) throw truncatedError(filePath, size);
    if (error instanceof Corrupt)
      throw new TandemError(
        "model_invalid",
        `The model file ${filePath} has a corrupt GGUF header (${error.message}). Download or convert it again.`,
      );
    throw error;
  } finally {
    await file.close();
  }
}

export function truncatedError(filePath: string, size: number, needed?: number): TandemError {
  const detail = needed
    ? `it has ${size} bytes but its tensors need ${needed}`
    : `it ends (at ${size} bytes) inside its header`;
  return new TandemError(
    "model_invalid",
    `The model file ${filePath} is incomplete: ${detail}. It was probably cut off while downloading or copying; download it again.`,
  );
}
