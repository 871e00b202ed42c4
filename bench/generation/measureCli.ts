/**
 * The CLI as a user runs it: `tandem chat` in its own process (a child of this one), answer
 * streamed to stdout; each stdout chunk is timed when this process reads it. Every run starts
 * the CLI anew, so its model is loaded each time — that is reported apart, not in tokens/s.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createHost } from "../../main/host/createHost";
import type { ModelInfo } from "../../app/contract/types";
import type { HostSettings } from "./measureWebHost";
import type { RunTiming } from "./RunTiming";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;

/** Adds the model and the settings to the CLI's data directory once, through a host like any other. */
export async function prepareCliData(dataDir: string, modelPath: string, settings: HostSettings): Promise<void> {
  const host = await createHost({ dataDir, kind: "cli", gpu: "auto", quiet: true });
  try {
    const added = await host.handle("models:add", { path: modelPath });
    if (!added.ok) throw new Error(added.error.message);
    const updated = await host.handle("settings:update", { activeModelId: (added.value as ModelInfo).id, ...settings });
    if (!updated.ok) throw new Error(updated.error.message);
  } finally {
    await host.close();
  }
}

export function runCli(dataDir: string, prompt: string): Promise<RunTiming & { launchToFirstMs: number | null }> {
  return new Promise((resolve, reject) => {
    const launched = performance.now();
    const child = spawn(TSX, ["main/cli/index.ts", "chat", prompt], {
      cwd: ROOT,
      env: { ...process.env, TANDEM_HOME: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const arrivals: number[] = [];
    let lastChunk = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      arrivals.push(performance.now());
      lastChunk = chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      const tokens = Number(/· (\d+) tokens ·/.exec(stderr)?.[1] ?? NaN);
      if (code !== 0 || !Number.isFinite(tokens))
        return reject(new Error(`tandem chat exited ${code}: ${stderr.trim().slice(-500)}`));
      // The last chunk is the newline the CLI prints after the answer.
      if (lastChunk === "\n") arrivals.pop();
      resolve({ sent: launched, arrivals, tokens, launchToFirstMs: arrivals.length ? arrivals[0]! - launched : null });
    });
  });
}
