import { describe, expect, it } from "vitest";
import { APIConnectionError, RateLimitError } from "openai";
import { TandemError } from "../../../../app/contract/errors";
import { silentLogger } from "../../../../app/logging/Logger";
import { CloudProvider } from "../../../../app/providers/cloud";
import { retryAfterSeconds, toCloudError } from "../../../../app/providers/cloud/toCloudError";

const context = { phase: "request" as const, host: "api.example.test", model: "m", timeoutMs: 60_000, hasKey: true };

describe("retry-after parsing", () => {
  it("reads seconds, milliseconds and HTTP dates, rounding up", () => {
    expect(retryAfterSeconds(new Headers({ "retry-after": "20" }))).toBe(20);
    expect(retryAfterSeconds(new Headers({ "retry-after": "1.2" }))).toBe(2);
    expect(retryAfterSeconds(new Headers({ "retry-after-ms": "1500", "retry-after": "60" }))).toBe(2);
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(retryAfterSeconds(new Headers({ "retry-after": "Tue, 01 Jan 2030 00:00:30 GMT" }), now)).toBe(30);
  });

  it("gives null for a missing or unreadable header", () => {
    expect(retryAfterSeconds(new Headers())).toBeNull();
    expect(retryAfterSeconds(new Headers({ "retry-after": "soon" }))).toBeNull();
    expect(retryAfterSeconds(undefined)).toBeNull();
  });
});

describe("toCloudError", () => {
  it("says to wait a moment when a 429 carries no retry-after", () => {
    const error = toCloudError(new RateLimitError(429, { message: "slow down" }, undefined, new Headers()), context);
    expect(error).toMatchObject({
      code: "cloud_rate_limited",
      message: "Rate limited by the provider; wait a moment and try again.",
    });
  });

  it("tells an exhausted quota apart from a rate limit", () => {
    const error = toCloudError(
      new RateLimitError(429, { message: "quota", code: "insufficient_quota" }, undefined, new Headers()),
      context,
    );
    expect(error.message).toContain("run out of quota");
  });

  it("passes through a TandemError thrown by a host's fetch (e.g. the offline guard)", () => {
    const offline = new TandemError("invalid_request", "Offline mode is on.");
    expect(toCloudError(new APIConnectionError({ cause: offline }), context)).toBe(offline);
  });

  it("shortens a long provider reason for a 400", async () => {
    const { BadRequestError } = await import("openai");
    const error = toCloudError(
      new BadRequestError(400, { message: "x".repeat(500) }, undefined, new Headers()),
      context,
    );
    expect(error.code).toBe("cloud_bad_request");
    expect(error.message.length).toBeLessThan(320);
  });

  it("quotes a provider's reason without the API key, even where the cut at 200 characters falls inside the key", async () => {
    const { BadRequestError, PermissionDeniedError } = await import("openai");
    const key = "sk-unit-key-0123456789abcdefghij";
    const hideKey = (text: string) => text.split(key).join("[the API key]");
    const quoting = toCloudError(
      new PermissionDeniedError(403, { message: `Key ${key} may not use m.` }, undefined, new Headers()),
      { ...context, hideKey },
    );
    expect(quoting.message).toContain("may not use m.");
    // The key starts at character 190: cut first and hidden afterwards, its first 9 characters would be left.
    const long = toCloudError(
      new BadRequestError(400, { message: `${"x".repeat(190)}${key} rest` }, undefined, new Headers()),
      { ...context, hideKey },
    );
    for (const error of [quoting, long]) expect(error.message).not.toMatch(/sk-unit/);
  });
});

describe("CloudProvider settings", () => {
  it.each(["", "not a url", "ftp://example.com/v1", "file:///etc/passwd"])(
    "refuses the base URL %j with cloud_not_configured",
    (baseUrl) => {
      expect(() => new CloudProvider({ baseUrl, model: "m", apiKey: null }, { logger: silentLogger })).toThrow(
        expect.objectContaining({ code: "cloud_not_configured" }),
      );
    },
  );

  it("refuses an empty model name", () => {
    expect(
      () =>
        new CloudProvider({ baseUrl: "http://127.0.0.1:1/v1", model: "  ", apiKey: null }, { logger: silentLogger }),
    ).toThrow(expect.objectContaining({ code: "cloud_not_configured" }));
  });

  it("exposes the endpoint as host:port only, without path or query", () => {
    const provider = new CloudProvider(
      { baseUrl: "https://api.example.test:8443/v1?x=1", model: "m", apiKey: "sk-k" },
      { logger: silentLogger },
    );
    expect(provider.host).toBe("api.example.test:8443");
  });
});
