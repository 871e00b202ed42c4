import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
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

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers, timeout: options.timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
    });
    req.on("error", reject);
    // An endpoint that should have refused but streams instead never ends: fail, do not hang.
    req.on("timeout", () => req.destroy(new Error(`no complete reply from ${url} within ${options.timeoutMs} ms`)));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Whether a TCP connection to address:port is accepted. */
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

interface EventStream {
  status: number;
  contentType: string | undefined;
  /** The next `data:` line's JSON text. */
  nextData(): Promise<string>;
  close(): void;
}

/** Opens a server-sent event stream and hands out its `data:` lines one by one. */
function openStream(url: string, headers: Record<string, string>): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let buffered = "";
      const waiting: Array<(line: string) => void> = [];
      const lines: string[] = [];
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf("\n\n")) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          if (!block.startsWith("data: ")) continue;
          const line = block.slice("data: ".length);
          const next = waiting.shift();
          if (next) next(line);
          else lines.push(line);
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        contentType: res.headers["content-type"],
        nextData: () => new Promise((take) => (lines.length > 0 ? take(lines.shift()!) : waiting.push(take))),
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
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
    writeFileSync(join(rendererDir, "app.js"), "console.log('ui')");
    host = await createHost({ dataDir: join(dir, "data"), kind: "web", gpu: false, quiet: true });
    web = await startWebHost({ host, rendererDir });
    auth = { Authorization: `Bearer ${web.token}`, "Content-Type": "application/json" };
  });

  afterAll(async () => {
    await web.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("puts the token in the URL fragment of a 127.0.0.1 address", () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
  });

  it("is bound to 127.0.0.1 only: the same port on another address of this machine refuses the connection", async () => {
    const { port } = new URL(web.origin);
    // A server bound to 0.0.0.0 (or to every address, ::) accepts all of these; one bound to
    // 127.0.0.1 none. All are loopback: nothing leaves the machine. (127.0.0.2 answers on Linux,
    // where the whole 127/8 is the loopback interface.)
    expect(await canConnect("127.0.0.1", Number(port))).toBe(true);
    const others = await Promise.all(["127.0.0.2", "::1"].map((address) => canConnect(address, Number(port))));
    expect(others).toEqual([false, false]);
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

  it("never serves files outside the UI folder: not the data folder's key file, however the path is encoded", async () => {
    // The data folder is a sibling of the UI folder: one "../" reaches it.
    const secrets = readFileSync(join(dir, "data", "secrets.json"), "utf8");
    expect(secrets.length).toBeGreaterThan(0);
    for (const path of ["/..%2fdata%2fsecrets.json", "/..%2F..%2F" + dir.split("/").at(-1) + "%2Fdata%2Fsecrets.json", "/%2e%2e%2fdata%2fsecrets.json"]) {
      const reply = await send(`${web.origin}${path}`);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain(secrets.slice(0, 40));
    }
  });

  it("serves a file inside the UI folder, and index.html for paths it does not know", async () => {
    const asset = await send(`${web.origin}/app.js`);
    expect(asset).toMatchObject({ status: 200, body: "console.log('ui')" });
    expect(asset.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    const unknown = await send(`${web.origin}/settings/cloud`);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toContain("<title>Tandem</title>");
    expect(unknown.headers["cache-control"]).toBe("no-store");
  });

  it("refuses the event stream without the token, before it opens", async () => {
    const reply = await send(`${web.origin}/api/events`, { timeoutMs: 2000 });
    expect(reply.status).toBe(401);
    expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(JSON.parse(reply.body).error.code).toBe("unauthorized");
  });

  it("opens the event stream with the token and streams the host's events", async () => {
    const stream = await openStream(`${web.origin}/api/events`, { Authorization: `Bearer ${web.token}` });
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toBe("text/event-stream; charset=utf-8");
      const created = JSON.parse((await send(`${web.origin}/api/conversations:create`, { method: "POST", body: "{}", headers: auth })).body);
      await send(`${web.origin}/api/conversations:setMode`, { method: "POST", body: JSON.stringify({ id: created.value.id, mode: "hybrid" }), headers: auth });
      const event = JSON.parse(await stream.nextData());
      expect(event).toMatchObject({ type: "conversation:updated", conversation: { id: created.value.id, mode: "hybrid" } });
    } finally {
      stream.close();
    }
  });
});
