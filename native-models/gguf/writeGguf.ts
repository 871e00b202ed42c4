/**
 * A small GGUF (v3) encoder: enough to write a loadable llama model with F32 tensors, and to write
 * deliberately odd files for tests (a header claiming a huge tensor with no data behind it).
 * Format: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md
 */
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";

/** GGUF metadata value types (the numbers are the format's own). */
const VALUE_TYPE = {
  u8: 0,
  i8: 1,
  u16: 2,
  i16: 3,
  u32: 4,
  i32: 5,
  f32: 6,
  bool: 7,
  string: 8,
  array: 9,
  u64: 10,
  i64: 11,
  f64: 12,
} as const;
type ScalarType = Exclude<keyof typeof VALUE_TYPE, "array">;

export type GgufValue =
  | { type: Exclude<ScalarType, "string" | "bool" | "u64" | "i64">; value: number }
  | { type: "u64" | "i64"; value: bigint | number }
  | { type: "string"; value: string }
  | { type: "bool"; value: boolean }
  | { type: "array"; itemType: "string"; values: string[] }
  | { type: "array"; itemType: Exclude<ScalarType, "string" | "bool">; values: ArrayLike<number> };

export interface GgufTensor {
  name: string;
  /** ggml order: innermost (row length) first, e.g. `[n_embd, n_vocab]` for token_embd. */
  dims: number[];
  /**
   * F32 values, `dims` product long. Omit to write only the tensor's header entry, which makes a
   * file that claims more data than it holds (tests of truncated or "huge" models).
   */
  data?: Float32Array;
}

export interface GgufSpec {
  metadata: Record<string, GgufValue>;
  tensors: GgufTensor[];
  /** Tensor data alignment in bytes; default 32 (the format's default). */
  alignment?: number;
}

const GGML_TYPE_F32 = 0;

export const gguf = {
  u32: (value: number): GgufValue => ({ type: "u32", value }),
  f32: (value: number): GgufValue => ({ type: "f32", value }),
  bool: (value: boolean): GgufValue => ({ type: "bool", value }),
  str: (value: string): GgufValue => ({ type: "string", value }),
  strings: (values: string[]): GgufValue => ({ type: "array", itemType: "string", values }),
  f32s: (values: ArrayLike<number>): GgufValue => ({ type: "array", itemType: "f32", values }),
  i32s: (values: ArrayLike<number>): GgufValue => ({ type: "array", itemType: "i32", values }),
};

/** Appends little-endian values into growing chunks; GGUF is little-endian throughout. */
class ByteSink {
  private readonly chunks: Buffer[] = [];
  length = 0;

  push(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.length += buffer.length;
  }
  scalar(type: ScalarType, value: number | bigint | boolean | string): void {
    if (type === "string") return this.string(String(value));
    const size = { u8: 1, i8: 1, bool: 1, u16: 2, i16: 2, u32: 4, i32: 4, f32: 4, u64: 8, i64: 8, f64: 8 }[type];
    const b = Buffer.alloc(size);
    const n = Number(value);
    if (type === "u8" || type === "bool") b.writeUInt8(n);
    else if (type === "i8") b.writeInt8(n);
    else if (type === "u16") b.writeUInt16LE(n);
    else if (type === "i16") b.writeInt16LE(n);
    else if (type === "u32") b.writeUInt32LE(n);
    else if (type === "i32") b.writeInt32LE(n);
    else if (type === "f32") b.writeFloatLE(n);
    else if (type === "f64") b.writeDoubleLE(n);
    else if (type === "u64") b.writeBigUInt64LE(BigInt(value as number | bigint));
    else b.writeBigInt64LE(BigInt(value as number | bigint));
    this.push(b);
  }
  string(value: string): void {
    const bytes = Buffer.from(value, "utf8");
    this.scalar("u64", bytes.length);
    this.push(bytes);
  }
  padTo(alignment: number): void {
    const pad = (alignment - (this.length % alignment)) % alignment;
    if (pad > 0) this.push(Buffer.alloc(pad));
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

function writeValue(sink: ByteSink, value: GgufValue): void {
  sink.scalar("u32", VALUE_TYPE[value.type]);
  if (value.type !== "array") return sink.scalar(value.type, value.value);
  sink.scalar("u32", VALUE_TYPE[value.itemType]);
  sink.scalar("u64", value.values.length);
  for (let i = 0; i < value.values.length; i++) sink.scalar(value.itemType, value.values[i] as number | string);
}

function tensorBytes(tensor: GgufTensor): number {
  return tensor.dims.reduce((a, b) => a * b, 1) * 4;
}

/** Encodes a whole GGUF file in memory. Tensors without `data` get a header entry only. */
export function encodeGguf(spec: GgufSpec): Buffer {
  const alignment = spec.alignment ?? 32;
  const sink = new ByteSink();
  sink.push(Buffer.from("GGUF", "ascii"));
  sink.scalar("u32", 3);
  sink.scalar("u64", spec.tensors.length);
  sink.scalar("u64", Object.keys(spec.metadata).length);
  for (const [key, value] of Object.entries(spec.metadata)) {
    sink.string(key);
    writeValue(sink, value);
  }
  let offset = 0;
  for (const tensor of spec.tensors) {
    sink.string(tensor.name);
    sink.scalar("u32", tensor.dims.length);
    for (const dim of tensor.dims) sink.scalar("u64", dim);
    sink.scalar("u32", GGML_TYPE_F32);
    sink.scalar("u64", offset);
    offset += Math.ceil(tensorBytes(tensor) / alignment) * alignment;
  }
  sink.padTo(alignment);
  for (const tensor of spec.tensors) {
    if (!tensor.data) continue;
    if (tensor.data.length * 4 !== tensorBytes(tensor))
      throw new Error(`Tensor ${tensor.name}: data length does not match dims`);
    sink.push(Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    sink.padTo(alignment);
  }
  return sink.toBuffer();
}

/**
 * Writes `spec` to `filePath` atomically (a temp name, then rename), so a reader running at the
 * same time — another test file, say — never sees a half-written model.
 */
export async function writeGguf(filePath: string, spec: GgufSpec): Promise<void> {
  const temp = `${filePath}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temp, encodeGguf(spec));
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
