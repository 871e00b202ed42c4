import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { isAuthorized, isSameOrigin } from "../../../../main/web/requestChecks";

const TOKEN = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe("isAuthorized", () => {
  it("accepts the token as a Bearer credential, the scheme in any case", () => {
    expect(isAuthorized(req({ authorization: `Bearer ${TOKEN}` }), TOKEN)).toBe(true);
    expect(isAuthorized(req({ authorization: `bearer ${TOKEN}` }), TOKEN)).toBe(true);
  });

  it("refuses no header, another scheme, extra text, a wrong token and a token of another length", () => {
    for (const authorization of [
      undefined,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN} x`,
      `x Bearer ${TOKEN}`,
      `Bearer ${"0".repeat(TOKEN.length)}`,
      `Bearer ${TOKEN.slice(2)}`,
      `Bearer ${TOKEN}00`,
      "Bearer ",
    ]) {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      expect(isAuthorized(req(headers), TOKEN), String(authorization)).toBe(false);
    }
  });
});

describe("isSameOrigin", () => {
  const origin = "http://127.0.0.1:4312";

  it("accepts this server named as 127.0.0.1 or localhost, with no Origin or this origin", () => {
    expect(isSameOrigin(req({ host: "127.0.0.1:4312" }), origin)).toBe(true);
    expect(isSameOrigin(req({ host: "localhost:4312" }), origin)).toBe(true);
    expect(isSameOrigin(req({ host: "127.0.0.1:4312", origin }), origin)).toBe(true);
    expect(isSameOrigin(req({ host: "localhost:4312", origin: "http://localhost:4312" }), origin)).toBe(true);
  });

  it("refuses another host name or port (DNS rebinding) and a missing Host", () => {
    for (const host of ["evil.example:4312", "127.0.0.1:4313", "localhost:80", "127.0.0.1", ""])
      expect(isSameOrigin(req({ host }), origin), host).toBe(false);
    expect(isSameOrigin(req({}), origin)).toBe(false);
  });

  it("refuses a page from another origin, even on this host", () => {
    for (const from of ["http://evil.example", "http://127.0.0.1:4313", "https://127.0.0.1:4312", "null"]) {
      expect(isSameOrigin(req({ host: "127.0.0.1:4312", origin: from }), origin), from).toBe(false);
    }
  });
});
