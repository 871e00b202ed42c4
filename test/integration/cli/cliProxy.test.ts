import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { echoLastUserMessage, startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";

const TSX = join(process.cwd(), "node_modules/.bin/tsx");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("cli proxy", () => {
  let home: string;
  let cloud: RecordingCloud;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "tandem-cli-proxy-"));
    cloud = await startRecordingCloud({ reply: echoLastUserMessage });
  });

  afterAll(async () => {
    await cloud.close();
    rmSync(home, { recursive: true, force: true });
  });

  it("prints its URL, forwards with the key from TANDEM_CLOUD_API_KEY, restores the answer and stops on Ctrl+C", async () => {
    const port = await freePort();
    const env = {
      ...process.env,
      TANDEM_HOME: home,
      TANDEM_PROXY_TOKEN: "my-proxy-token",
      TANDEM_CLOUD_API_KEY: "sk-cli-proxy-key",
    };
    const child = spawn(
      TSX,
      [
        "main/cli/index.ts",
        "proxy",
        "--port",
        String(port),
        "--cloud-base-url",
        cloud.baseUrl,
        "--cloud-model",
        "test-model",
      ],
      { env },
    );
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes("\n")) resolve();
      });
      child.once("exit", () => reject(new Error(`exited early: ${stderr}`)));
    });
    expect(stdout).toBe(`Tandem privacy proxy on http://127.0.0.1:${port}/v1\n`);
    const text = "Please call Gary Thompson at +1 415 555 0132.";
    const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer my-proxy-token", "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages: [{ role: "user", content: text }] }),
    });
    expect((await res.json()) as unknown).toMatchObject({ choices: [{ message: { content: text } }] });
    expect(cloud.requests.at(-1)?.headers.authorization).toBe("Bearer sk-cli-proxy-key");
    // The token apps need is printed on stderr (stdout holds the URL only); the cloud key never is.
    expect(stderr).toContain("Token: my-proxy-token");
    expect(stdout + stderr).not.toContain("sk-cli-proxy-key");
    expect(cloud.receivedText()).not.toContain("Gary Thompson");
    expect(cloud.receivedText()).not.toContain("555 0132");
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", (c) => resolve(c));
      child.kill("SIGINT");
    });
    expect(code).toBe(0);
  }, 60_000);
});
