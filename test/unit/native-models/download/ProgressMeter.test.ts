import { describe, expect, it } from "vitest";
import { ProgressMeter } from "../../../../native-models/download/ProgressMeter";
import { toDownloadError } from "../../../../native-models/download/downloadErrors";

describe("Download speed and time left", () => {
  it("measures the speed over the last seconds and the time left at that speed", () => {
    let now = 0;
    const meter = new ProgressMeter(() => now);
    expect(meter.update(0, 10_000_000)).toEqual({ bytesPerSecond: 0, etaSeconds: null });
    now = 1000;
    expect(meter.update(1_000_000, 10_000_000)).toEqual({ bytesPerSecond: 1_000_000, etaSeconds: 9 });
    now = 2000;
    expect(meter.update(3_000_000, 10_000_000)).toEqual({ bytesPerSecond: 1_500_000, etaSeconds: 5 });
  });

  it("forgets old samples, so a slow start does not drag the speed down for ever", () => {
    let now = 0;
    const meter = new ProgressMeter(() => now);
    meter.update(0, null);
    for (let s = 1; s <= 10; s++) {
      now = s * 1000;
      meter.update(s <= 5 ? s * 100 : 500 + (s - 5) * 1_000_000, null);
    }
    expect(meter.update(5_000_500, null).bytesPerSecond).toBeGreaterThan(900_000);
  });

  it("says nothing about time left when the size is unknown or nothing moves", () => {
    let now = 0;
    const meter = new ProgressMeter(() => now);
    meter.update(500, 1000);
    now = 3000;
    expect(meter.update(500, 1000)).toEqual({ bytesPerSecond: 0, etaSeconds: null });
    expect(meter.update(600, null).etaSeconds).toBeNull();
  });
});

describe("Download errors", () => {
  const context = { uri: "https://example.invalid/m.gguf", dir: "/data/models" };

  it("turns HTTP statuses and system errors into codes a user can act on", () => {
    expect(toDownloadError({ statusCode: 404 }, context)).toMatchObject({
      code: "download_not_found",
      message: expect.stringContaining("There is no model file at https://example.invalid/m.gguf (HTTP 404)"),
    });
    expect(toDownloadError({ statusCode: 403 }, context)).toMatchObject({
      code: "download_not_found",
      message: expect.stringContaining("may be gated"),
    });
    expect(toDownloadError(Object.assign(new Error("no space"), { code: "ENOSPC" }), context)).toMatchObject({
      code: "download_disk_full",
      message: expect.stringContaining("/data/models"),
    });
    expect(toDownloadError(new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } }), context)).toMatchObject({
      code: "download_unreachable",
    });
    expect(toDownloadError({ statusCode: 503 }, context)).toMatchObject({
      code: "download_failed",
      message: expect.stringContaining("HTTP 503"),
    });
    expect(toDownloadError(new Error("boom"), context)).toMatchObject({
      code: "download_failed",
      message: expect.stringContaining("(boom)"),
    });
    expect(toDownloadError(new TypeError("terminated", { cause: { code: "UND_ERR_SOCKET" } }), context)).toMatchObject({
      code: "download_interrupted",
      message: expect.stringMatching(/dropped\.$/),
    });
    // Whether a part was kept is said by ModelDownloads, which knows if any byte arrived.
    expect(toDownloadError(new TypeError("terminated"), context).message).not.toMatch(/kept/);
    expect(toDownloadError(new TypeError("fetch failed"), context)).toMatchObject({ code: "download_unreachable" });
  });

  it("tells no network, a server that is not found and a refused connection apart, in plain words", () => {
    const failed = (code: string) =>
      toDownloadError(new TypeError("fetch failed", { cause: { code } }), context).message;
    expect(failed("ENETUNREACH")).toMatch(/there is no network connection/);
    expect(failed("ENOTFOUND")).toMatch(/the server example\.invalid was not found/);
    expect(failed("ECONNREFUSED")).toMatch(/refused the connection/);
    for (const code of ["ENETUNREACH", "ENOTFOUND", "ECONNREFUSED"])
      expect(failed(code)).not.toMatch(/TypeError|fetch failed/);
  });
});
