import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { CONTENT_SECURITY_POLICY } from "../../../main/web/serveStatic";
import { MAX_BODY_BYTES } from "../../../main/web/readBody";
import { startWebHost, type WebHost } from "../../../main/web/startWebHost";

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? "GET", headers: options.headers, timeout: options.timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }),
        );
      },
    );
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
  /** Called when the server ends the stream. */
  onEnd(listener: () => void): void;
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
        onEnd: (listener) => res.once("end", listener),
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
    for (const name of [
      "style.css",
      "icon.svg",
      "logo.png",
      "favicon.ico",
      "data.json",
      "font.woff2",
      "page.html",
      "notes.txt",
    ])
      writeFileSync(join(rendererDir, name), name);
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
    const wrong = await send(`${web.origin}/api/conversations:list`, {
      method: "POST",
      body: "{}",
      headers: { Authorization: `Bearer ${"0".repeat(64)}` },
    });
    const inUrl = await send(`${web.origin}/api/conversations:list?token=${web.token}`, { method: "POST", body: "{}" });
    for (const reply of [noToken, wrong, inUrl]) {
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.code).toBe("unauthorized");
    }
  });

  it("refuses requests from another origin and requests naming another host", async () => {
    const crossOrigin = await send(`${web.origin}/api/conversations:list`, {
      method: "POST",
      body: "{}",
      headers: { ...auth, Origin: "http://evil.example" },
    });
    const rebinding = await send(`${web.origin}/api/conversations:list`, {
      method: "POST",
      body: "{}",
      headers: { ...auth, Host: "evil.example" },
    });
    expect(crossOrigin.status).toBe(403);
    expect(rebinding.status).toBe(403);
  });

  it("answers a valid call with a Result and a malformed one with a typed error", async () => {
    const created = JSON.parse(
      (await send(`${web.origin}/api/conversations:create`, { method: "POST", body: "{}", headers: auth })).body,
    );
    expect(created).toMatchObject({ ok: true, value: { title: "New conversation", mode: "private" } });
    const bad = JSON.parse(
      (await send(`${web.origin}/api/conversations:rename`, { method: "POST", body: '{"id":5}', headers: auth })).body,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_request" } });
    const notJson = JSON.parse(
      (await send(`${web.origin}/api/conversations:list`, { method: "POST", body: "{nope", headers: auth })).body,
    );
    expect(notJson.error.code).toBe("invalid_request");
    const unknown = JSON.parse(
      (await send(`${web.origin}/api/fs:read`, { method: "POST", body: "{}", headers: auth })).body,
    );
    expect(unknown.error.code).toBe("invalid_request");
  });

  it("refuses a 10 MB paste with too_large and stores nothing", async () => {
    const { value } = JSON.parse(
      (await send(`${web.origin}/api/conversations:create`, { method: "POST", body: "{}", headers: auth })).body,
    );
    const huge = JSON.stringify({ conversationId: value.id, text: "x".repeat(10_000_000) });
    const reply = await send(`${web.origin}/api/chat:send`, { method: "POST", body: huge, headers: auth });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: "too_large", message: "That request is too large. Attach large text as a document or split it." },
    });
    const detail = JSON.parse(
      (
        await send(`${web.origin}/api/conversations:get`, {
          method: "POST",
          body: JSON.stringify({ id: value.id }),
          headers: auth,
        })
      ).body,
    );
    expect(detail.value.messages).toEqual([]);
  });

  it("never serves files outside the UI folder: not the data folder's key file, however the path is encoded", async () => {
    // The data folder is a sibling of the UI folder: one "../" reaches it.
    const secrets = readFileSync(join(dir, "data", "secrets.json"), "utf8");
    expect(secrets.length).toBeGreaterThan(0);
    for (const path of [
      "/..%2fdata%2fsecrets.json",
      "/..%2F..%2F" + dir.split("/").at(-1) + "%2Fdata%2Fsecrets.json",
      "/%2e%2e%2fdata%2fsecrets.json",
    ]) {
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
      const created = JSON.parse(
        (await send(`${web.origin}/api/conversations:create`, { method: "POST", body: "{}", headers: auth })).body,
      );
      await send(`${web.origin}/api/conversations:setMode`, {
        method: "POST",
        body: JSON.stringify({ id: created.value.id, mode: "hybrid" }),
        headers: auth,
      });
      const event = JSON.parse(await stream.nextData());
      expect(event).toMatchObject({
        type: "conversation:updated",
        conversation: { id: created.value.id, mode: "hybrid" },
      });
    } finally {
      stream.close();
    }
  });

  it("serves each kind of UI file with its type, the security headers, and caches all but index.html", async () => {
    const types: Record<string, string> = {
      "style.css": "text/css; charset=utf-8",
      "icon.svg": "image/svg+xml",
      "logo.png": "image/png",
      "favicon.ico": "image/x-icon",
      "data.json": "application/json",
      "font.woff2": "font/woff2",
      "page.html": "text/html; charset=utf-8",
      "notes.txt": "application/octet-stream",
    };
    for (const [name, type] of Object.entries(types)) {
      const reply = await send(`${web.origin}/${name}`);
      expect(reply, name).toMatchObject({ status: 200, body: name });
      expect(reply.headers["content-type"], name).toBe(type);
      expect(reply.headers["cache-control"], name).toBe("public, max-age=3600");
    }
    const index = await send(`${web.origin}/`);
    expect(index.headers).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": CONTENT_SECURITY_POLICY,
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "no-referrer",
      "cache-control": "no-store",
    });
  });

  it("answers HEAD without a body and refuses other methods on UI paths", async () => {
    const head = await send(`${web.origin}/app.js`, { method: "HEAD" });
    expect(head).toMatchObject({ status: 200, body: "" });
    expect(head.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    for (const method of ["POST", "PUT", "DELETE"])
      expect((await send(`${web.origin}/app.js`, { method })).status, method).toBe(405);
  });

  it("asks for POST on API paths, with the token", async () => {
    const reply = await send(`${web.origin}/api/conversations:list`, { headers: auth });
    expect(reply.status).toBe(405);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: "invalid_request", message: "Use POST." } });
  });

  it("refuses a body over the limit while it is still arriving, without waiting for its end", async () => {
    // The client announces more than the limit, sends a little more than the limit and then
    // nothing: the answer must come now, not when (if ever) the upload ends.
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${web.origin}/api/chat:send`,
        { method: "POST", headers: { ...auth, "Content-Length": String(MAX_BODY_BYTES * 4) }, timeout: 10_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
            req.destroy();
          });
        },
      );
      req.on("error", reject);
      req.on("timeout", () => req.destroy(new Error("no answer while the upload was still open")));
      req.write(Buffer.alloc(MAX_BODY_BYTES + 65_536, 0x20));
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.code).toBe("too_large");
  });

  it("keeps serving after a client gives up half-way through sending a body", async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${web.origin}/api/chat:send`, {
        method: "POST",
        headers: { ...auth, "Content-Length": "1000" },
      });
      req.on("error", () => resolve());
      req.write('{"conversationId":');
      setTimeout(() => req.destroy(), 50);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reply = await send(`${web.origin}/api/conversations:list`, { method: "POST", body: "{}", headers: auth });
    expect(reply.status).toBe(200);
  });

  it("treats POST /api/events as a call to an unknown channel, not as the event stream", async () => {
    const reply = await send(`${web.origin}/api/events`, {
      method: "POST",
      body: "{}",
      headers: auth,
      timeoutMs: 2000,
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: "invalid_request" } });
  });

  it("answers JSON with its length, uncached and not sniffable; an empty body is an empty request", async () => {
    const reply = await send(`${web.origin}/api/conversations:list`, { method: "POST", body: "", headers: auth });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
    expect(reply.headers).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(reply.body)),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  });

  it("says which part of a request is wrong: the channel's percent-encoding, or the JSON", async () => {
    const badChannel = JSON.parse(
      (await send(`${web.origin}/api/conversations%E0%A4%A`, { method: "POST", body: "{}", headers: auth })).body,
    );
    expect(badChannel).toEqual({
      ok: false,
      error: { code: "invalid_request", message: "The channel name in the URL is not valid percent-encoding." },
    });
    const badJson = JSON.parse(
      (await send(`${web.origin}/api/conversations:list`, { method: "POST", body: "{nope", headers: auth })).body,
    );
    expect(badJson).toEqual({
      ok: false,
      error: { code: "invalid_request", message: "The request body is not valid JSON." },
    });
  });

  it("takes a body of exactly the limit and refuses one byte more", async () => {
    const { value } = JSON.parse(
      (await send(`${web.origin}/api/conversations:create`, { method: "POST", body: "{}", headers: auth })).body,
    );
    const bodyOf = (size: number) => {
      const head = JSON.stringify({ id: value.id, title: "" });
      return head.replace('"title":""', `"title":"${"t".repeat(size - head.length)}"`);
    };
    const atLimit = await send(`${web.origin}/api/conversations:rename`, {
      method: "POST",
      body: bodyOf(MAX_BODY_BYTES),
      headers: auth,
    });
    expect(atLimit.status).toBe(200);
    const over = await send(`${web.origin}/api/conversations:rename`, {
      method: "POST",
      body: bodyOf(MAX_BODY_BYTES + 1),
      headers: auth,
    });
    expect(over.status).toBe(413);
  });

  it("refuses cross-origin requests with a message that says why", async () => {
    const reply = await send(`${web.origin}/`, { headers: { Origin: "http://evil.example" } });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { code: "unauthorized", message: "Cross-origin requests are refused." },
    });
    const noToken = JSON.parse(
      (await send(`${web.origin}/api/conversations:list`, { method: "POST", body: "{}" })).body,
    );
    expect(noToken.error.message).toMatch(/#token/);
  });

  it("answers an internal failure with a typed error instead of dropping the connection", async () => {
    // decodeURIComponent throws on a malformed escape in a UI path: that must not kill the request.
    const reply = await send(`${web.origin}/%E0%A4%A`);
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: "internal" } });
  });
});

describe("the browser host, started and stopped", () => {
  let dir: string;
  let host: Host;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tandem-web-life-"));
    mkdirSync(join(dir, "empty-ui"));
    host = await createHost({ dataDir: join(dir, "data"), kind: "web", gpu: false, quiet: true });
  });

  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("makes a new 64-hex-digit token per start and listens on the port it is given", async () => {
    const first = await startWebHost({ host, rendererDir: join(dir, "empty-ui") });
    const port = Number(new URL(first.origin).port);
    await first.close();
    const second = await startWebHost({ host, rendererDir: join(dir, "empty-ui"), port });
    try {
      expect(second.origin).toBe(`http://127.0.0.1:${port}`);
      expect(second.token).toMatch(/^[0-9a-f]{64}$/);
      expect(second.token).not.toBe(first.token);
    } finally {
      await second.close();
    }
  });

  it("fails to start, instead of hanging, when its port is taken", async () => {
    const first = await startWebHost({ host, rendererDir: join(dir, "empty-ui") });
    try {
      await expect(
        startWebHost({ host, rendererDir: join(dir, "empty-ui"), port: Number(new URL(first.origin).port) }),
      ).rejects.toMatchObject({ code: "EADDRINUSE" });
    } finally {
      await first.close();
    }
  });

  it("says how to build the UI when it is not built", async () => {
    const web = await startWebHost({ host, rendererDir: join(dir, "empty-ui") });
    try {
      const reply = await send(`${web.origin}/`);
      expect(reply.status).toBe(503);
      expect(reply.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(reply.body).toContain("npm run build:renderer");
    } finally {
      await web.close();
    }
  });

  it("ends open event streams when it closes, and then refuses connections", async () => {
    const web = await startWebHost({ host, rendererDir: join(dir, "empty-ui") });
    const stream = await openStream(`${web.origin}/api/events`, { Authorization: `Bearer ${web.token}` });
    const ended = new Promise<void>((resolve) => stream.onEnd(resolve));
    await web.close();
    await ended;
    expect(await canConnect("127.0.0.1", Number(new URL(web.origin).port))).toBe(false);
  });

  // The first describe's host starts in beforeAll, which Stryker counts as static code: it runs a
  // mutant of startWebHost only against tests that start a host themselves, like this one.
  it("prints a link to 127.0.0.1 with the token in the fragment, and no other address of this machine accepts a connection", async () => {
    const web = await startWebHost({ host, rendererDir: join(dir, "empty-ui") });
    try {
      const port = Number(new URL(web.origin).port);
      expect(web.url).toBe(`http://127.0.0.1:${port}/#token=${web.token}`);
      expect(await canConnect("127.0.0.1", port)).toBe(true);
      expect(await Promise.all(["127.0.0.2", "::1"].map((address) => canConnect(address, port)))).toEqual([
        false,
        false,
      ]);
    } finally {
      await web.close();
    }
  });
});
