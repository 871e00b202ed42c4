import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { startWebHost, type WebHost } from "../../../main/web/startWebHost";

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
    });
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe("the browser host", () => {
  let dir: string;
  let host: Host;
  let web: WebHost;
  let auth: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-web-"));
    const rendererDir = join(dir, "renderer");
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, "index.html"), "<!doctype html><title>Tandem</title>");
    host = await createHost({ dataDir: join(dir, "data"), kind: "web", gpu: false, quiet: true });
    web = await startWebHost({ host, rendererDir });
    auth = { Authorization: `Bearer ${web.token}`, "Content-Type": "application/json" };
  });

  afterAll(async () => {
    await web.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 only and puts the token in the URL fragment", () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
  });

  it("serves the UI with a strict Content-Security-Policy", async () => {
    const reply = await send(`${web.origin}/`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain("<title>Tandem</title>");
    expect(String(reply.headers["content-security-policy"])).toContain("script-src 'self'");
  });

  it("refuses API calls without the token, with a wrong token, or with the token only in the URL", async () => {
    const noToken = await send(`${web.origin}/api/conversations:list`, { method: "POST", body: "{}" });
    const wrong = await send(`${web.origin}/api/conversations:list`, { method: "POST", body: "{}", headers: { Authorization: `Bearer ${"0".repeat(64)}` } });
    const inUrl = await send(`${web.origin}/api/conversations:list?token=${web.token}`, { method: "POST", body: "{}" });
    for (const reply of [noToken, wrong, inUrl]) {
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.code).toBe("unauthorized");
    }
  });

  it("refuses requests from another origin and requests naming another host", async () => {
    const crossOrigin = await send(`${web.origin}/api/conversations:list`, { method: "POST", body: "{}", headers: { ...auth, Origin: "http://evil.example" } });
    const rebinding = await send(`${web.origin}/api/conversations:list`, { method: "POST", body: "{}", headers: { ...auth, Host: "evil.example" } });
    expect(crossOrigin.status).toBe(403);
    expect(rebinding.status).toBe(403);
  });

  it("answers a valid call with a Result and a malformed one with a typed error", async () => {
    const created = JSON.parse((await send(`${web.origin}/api/conversations:create`, { method: "POST", body: "{}", headers: auth })).body);
    expect(created).toMatchObject({ ok: true, value: { title: "New conversation", mode: "private" } });
    const bad = JSON.parse((await send(`${web.origin}/api/conversations:rename`, { method: "POST", body: '{"id":5}', headers: auth })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    const notJson = JSON.parse((await send(`${web.origin}/api/conversations:list`, { method: "POST", body: "{nope", headers: auth })).body);
    expect(notJson.error.code).toBe("invalid_request");
    const unknown = JSON.parse((await send(`${web.origin}/api/fs:read`, { method: "POST", body: "{}", headers: auth })).body);
    expect(unknown.error.code).toBe("invalid_request");
  });

  it("refuses a 10 MB paste with too_large and stores nothing", async () => {
    const { value } = JSON.parse((await send(`${web.origin}/api/conversations:create`, { method: "POST", body: "{}", headers: auth })).body);
    const huge = JSON.stringify({ conversationId: value.id, text: "x".repeat(10_000_000) });
    const reply = await send(`${web.origin}/api/chat:send`, { method: "POST", body: huge, headers: auth });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.code).toBe("too_large");
    const detail = JSON.parse((await send(`${web.origin}/api/conversations:get`, { method: "POST", body: JSON.stringify({ id: value.id }), headers: auth })).body);
    expect(detail.value.messages).toEqual([]);
  });

  it("never serves files outside the UI folder", async () => {
    const reply = await send(`${web.origin}/..%2f..%2fdata%2ftandem.db`);
    expect(reply.body).not.toContain("SQLite format");
  });
});
