import { percentile } from "./tally";

/**
 * Throughput on one core: the engine is synchronous, so timing it on Node's main thread uses
 * one core (the GC may borrow a helper thread; the machine has two).
 */
export interface Throughput {
  chunks: number;
  bytes: number;
  /** KiB of UTF-8 input per second of sanitize time. */
  kbPerSecond: number | null;
  /** Latency per chunk of ≥ 1 KiB, scaled to 2 KiB (ms). */
  p50MsPer2KB: number | null;
  p95MsPer2KB: number | null;
  /**
   * The same from process CPU time instead of wall time. On a shared machine wall time also
   * counts waiting for a core; CPU time is the engine's own cost (it includes GC threads).
   */
  cpu: { kbPerSecond: number | null; p95MsPer2KB: number | null };
}

export const CHUNK_BYTES = 2048;

/** Splits text into chunks of at most `maxBytes` UTF-8 bytes, at whitespace where possible. */
export function chunkText(text: string, maxBytes = CHUNK_BYTES): string[] {
  const chunks: string[] = [];
  let current = "";
  let size = 0;
  for (const token of text.split(/(?<=\s)/)) {
    const bytes = Buffer.byteLength(token);
    if (size + bytes > maxBytes && current !== "") {
      chunks.push(current);
      current = "";
      size = 0;
    }
    if (bytes > maxBytes) {
      chunks.push(...splitLongToken(token, maxBytes));
      continue;
    }
    current += token;
    size += bytes;
  }
  if (current.trim() !== "") chunks.push(current);
  return chunks;
}

/** A token longer than a chunk (CJK text has no spaces): cut at code points. */
function splitLongToken(token: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let part = "";
  for (const ch of token) {
    if (Buffer.byteLength(part + ch) > maxBytes) {
      parts.push(part);
      part = "";
    }
    part += ch;
  }
  if (part !== "") parts.push(part);
  return parts;
}

/** Fewer timed chunks than this make p95 the single slowest run (a GC pause): repeat small corpora. */
export const MIN_TIMED_CHUNKS = 200;

/**
 * Times `run` on every chunk: one untimed warm-up pass (JIT, lazy NLP setup), then at least
 * `passes` passes and at least MIN_TIMED_CHUNKS timed chunks.
 */
export function measureThroughput(
  chunks: readonly string[],
  run: (chunk: string) => unknown,
  minPasses = 3,
): Throughput {
  if (chunks.length === 0)
    return {
      chunks: 0,
      bytes: 0,
      kbPerSecond: null,
      p50MsPer2KB: null,
      p95MsPer2KB: null,
      cpu: { kbPerSecond: null, p95MsPer2KB: null },
    };
  for (const chunk of chunks) run(chunk);
  const passes = Math.max(minPasses, Math.ceil(MIN_TIMED_CHUNKS / chunks.length));
  const wall = new Timings();
  const cpu = new Timings();
  for (let pass = 0; pass < passes; pass++) {
    for (const chunk of chunks) {
      const bytes = Buffer.byteLength(chunk);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      run(chunk);
      wall.add(performance.now() - t0, bytes);
      const c = process.cpuUsage(c0);
      cpu.add((c.user + c.system) / 1000, bytes);
    }
  }
  return {
    chunks: chunks.length,
    bytes: chunks.reduce((n, c) => n + Buffer.byteLength(c), 0),
    kbPerSecond: wall.kbPerSecond(),
    p50MsPer2KB: percentile(wall.scaled, 50),
    p95MsPer2KB: percentile(wall.scaled, 95),
    cpu: { kbPerSecond: cpu.kbPerSecond(), p95MsPer2KB: percentile(cpu.scaled, 95) },
  };
}

class Timings {
  totalMs = 0;
  totalBytes = 0;
  /** Per-chunk ms scaled to 2 KiB, for chunks of at least 1 KiB (a short tail would distort it). */
  readonly scaled: number[] = [];

  add(ms: number, bytes: number): void {
    this.totalMs += ms;
    this.totalBytes += bytes;
    if (bytes >= 1024) this.scaled.push((ms * CHUNK_BYTES) / bytes);
  }

  kbPerSecond(): number | null {
    return this.totalMs > 0 ? this.totalBytes / 1024 / (this.totalMs / 1000) : null;
  }
}
