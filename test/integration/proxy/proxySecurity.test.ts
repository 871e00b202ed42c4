import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest, startProxyHarness } from "./proxyHarness";

const BODY = JSON.stringify({
  model: "m",
  messages: [{ role: "user", content: "Write to Gary Thompson, gary.thompson@example.com." }],
});

describe("the privacy proxy refuses what it must not serve, and forwards nothing then", () => {
  let h: Awaited<ReturnType<typeof startProxyHarness>>;
  const ok = () => ({
    host: `127.0.0.1:${h.port}`,
    authorization: `Bearer ${h.token}`,
    "content-type": "application/json",
  });

  beforeAll(async () => {
    h = await startProxyHarness();
  });

  afterAll(async () => h.close());

  const refusals: Array<[string, () => Record<string, string>, number, string]> = [
    ["no token", () => ({ host: ok().host, "content-type": "application/json" }), 401, "invalid_api_key"],
    ["a wrong token", () => ({ ...ok(), authorization: "Bearer tdm-not-the-token" }), 401, "invalid_api_key"],
    ["the token without Bearer", () => ({ ...ok(), authorization: h.token }), 401, "invalid_api_key"],
    ["a foreign Host (DNS rebinding)", () => ({ ...ok(), host: `evil.example:${h.port}` }), 403, "forbidden_origin"],
    [
      "a foreign Origin (another web page)",
      () => ({ ...ok(), origin: "https://evil.example" }),
      403,
      "forbidden_origin",
    ],
  ];
  for (const [what, headers, status, code] of refusals) {
    it(`refuses a request with ${what} with an OpenAI-shaped ${status} and forwards nothing`, async () => {
      const before = h.cloud.requests.length;
      const res = await rawRequest(h.port, { headers: headers(), body: BODY });
      expect(res.status).toBe(status);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code, message: expect.any(String) } });
      expect(h.cloud.requests.length).toBe(before);
    });
  }

  it("sends no CORS headers, so a browser page from another origin cannot read an answer", async () => {
    const res = await rawRequest(h.port, {
      method: "OPTIONS",
      headers: { ...ok(), origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(403);
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    const good = await rawRequest(h.port, { headers: ok(), body: BODY });
    expect(good.status).toBe(200);
    expect(good.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("refuses a body over the size limit with 413 and forwards nothing", async () => {
    const before = h.cloud.requests.length;
    const big = JSON.stringify({ model: "m", messages: [{ role: "user", content: "x".repeat(4_100_000) }] });
    const res = await rawRequest(h.port, { headers: ok(), body: big });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "too_large" } });
    expect(h.cloud.requests.length).toBe(before);
  });

  it("takes a request of just under 4 MB (the limit is not lower than the README says)", async () => {
    // The bulk is in a field the proxy does not forward, so the test measures the limit, not the sanitizer's speed.
    const body = JSON.stringify({
      model: "m",
      messages: [{ role: "user", content: "Say hello." }],
      user: "x".repeat(3_990_000),
    });
    expect(Buffer.byteLength(body)).toBeLessThan(4_000_000);
    const res = await rawRequest(h.port, { headers: ok(), body });
    expect(res.status).toBe(200);
  });

  it("refuses requests that are not text chats with a 400 that says what it accepts", async () => {
    const before = h.cloud.requests.length;
    const image = JSON.stringify({
      model: "m",
      messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "data:," } }] }],
    });
    for (const body of ["{not json", JSON.stringify({ model: "m" }), image]) {
      const res = await rawRequest(h.port, { headers: ok(), body });
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: { type: "invalid_request_error" } });
    }
    expect(h.cloud.requests.length).toBe(before);
  });

  it("is bound to 127.0.0.1 only: the same port on another address of this machine refuses the connection", async () => {
    expect(h.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    // A server bound to 0.0.0.0 (or ::) accepts these too; all are loopback, so nothing leaves the
    // machine (on Linux the whole 127/8 is the loopback interface).
    expect(await canConnect("127.0.0.1", h.port)).toBe(true);
    expect(await Promise.all(["127.0.0.2", "::1"].map((address) => canConnect(address, h.port)))).toEqual([
      false,
      false,
    ]);
  });
});

function canConnect(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
