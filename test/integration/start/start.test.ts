/**
 * `npm start` on a machine like the development one: no Electron binary, no display. It must
 * say so in one line and serve the same UI over the browser host, token-protected.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));
const URL_PATTERN = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/;
const FALLBACK_LINE = /^Tandem: Electron is not available here \(.+\); serving the same UI in your browser instead/;

interface Started {
  child: ChildProcess;
  output: () => string;
  origin: string;
  token: string;
  dataDir: string;
}

const running: Started[] = [];

/** Starts `node scripts/start.mjs` with a fresh data dir and waits for the printed URL. */
async function start(args: string[] = []): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-start-"));
  const env: NodeJS.ProcessEnv = { ...process.env, TANDEM_HOME: dataDir, TANDEM_SKIP_ELECTRON_DOWNLOAD: "1" };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.TANDEM_PORT;
  // detached: its own process group, so cleanup can reach tsx's child even if forwarding failed.
  const child = spawn(process.execPath, ["scripts/start.mjs", ...args], {
    cwd: projectRoot,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const started = { child, output: () => output, origin: "", token: "", dataDir };
  running.push(started);
  const match = await waitFor(
    () => URL_PATTERN.exec(output),
    () => `no URL printed; output so far:\n${output}`,
  );
  return { ...started, origin: `http://127.0.0.1:${match[1]}`, token: match[2]! };
}

async function waitFor<T>(
  probe: () => T | null | Promise<T | null>,
  failure: () => string,
  timeoutMs = 100_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function isListening(origin: string): Promise<boolean> {
  return fetch(origin, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
}

afterEach(async () => {
  for (const { child, dataDir } of running.splice(0)) {
    try {
      process.kill(-child.pid!, "SIGKILL"); // the whole group: start.mjs, tsx, the web host
    } catch {
      // already gone
    }
    await exited(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe("npm start without Electron", () => {
  it("says so in one line and serves the same UI on 127.0.0.1, protected by the token", async () => {
    const app = await start();
    const fallbackLines = app
      .output()
      .split("\n")
      .filter((line) => line.startsWith("Tandem: Electron is not available"));
    expect(fallbackLines).toHaveLength(1);
    expect(fallbackLines[0]).toMatch(FALLBACK_LINE);

    const page = await fetch(`${app.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    expect(html).toContain("<title>Tandem</title>");

    const anonymous = await fetch(`${app.origin}/api/app:info`, { method: "POST", body: "{}" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: "unauthorized" } });

    const authorized = await fetch(`${app.origin}/api/app:info`, {
      method: "POST",
      body: "{}",
      headers: { Authorization: `Bearer ${app.token}` },
    });
    expect(await authorized.json()).toMatchObject({ ok: true, value: { host: "web", dataDir: app.dataDir } });
  });

  it("passes Ctrl+C/SIGTERM on to the web host, which closes its port and exits", async () => {
    const app = await start();
    expect(await isListening(app.origin)).toBe(true);
    app.child.kill("SIGTERM"); // only start.mjs: it must forward the signal itself
    await exited(app.child);
    await waitFor(
      async () => ((await isListening(app.origin)) ? null : true),
      () => "the web host still listens after SIGTERM",
      20_000,
    );
    expect(await isListening(app.origin)).toBe(false);
  });
});

describe("npm run web", () => {
  it("serves the browser host directly, without the fallback notice", async () => {
    const app = await start(["--web"]);
    expect(app.output()).not.toContain("Electron is not available");
    expect((await fetch(`${app.origin}/`)).status).toBe(200);
  });
});
