/**
 * Speed and time left for a download, over the last few seconds. Why not node-llama-cpp's own
 * `averageSpeed`: it averages over the whole download and counts only active parts, so it sinks
 * towards 0 near the end and after a resume.
 */
const WINDOW_MS = 4000;

export interface ProgressReading {
  bytesPerSecond: number;
  /** null while the speed is unknown (first moments, or stalled). */
  etaSeconds: number | null;
}

export class ProgressMeter {
  private samples: Array<{ at: number; bytes: number }> = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the bytes downloaded so far and returns the current speed and time left. */
  update(downloadedBytes: number, totalBytes: number | null): ProgressReading {
    const at = this.now();
    this.samples.push({ at, bytes: downloadedBytes });
    while (this.samples.length > 2 && at - this.samples[0]!.at > WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const elapsed = (at - first.at) / 1000;
    const bytesPerSecond = elapsed > 0.2 ? Math.max(0, (downloadedBytes - first.bytes) / elapsed) : 0;
    const left = totalBytes === null ? null : Math.max(0, totalBytes - downloadedBytes);
    const etaSeconds = left === null || bytesPerSecond <= 0 ? null : Math.ceil(left / bytesPerSecond);
    return { bytesPerSecond: Math.round(bytesPerSecond), etaSeconds };
  }

  /** After a pause the old samples would average the pause in. */
  reset(): void {
    this.samples = [];
  }
}
