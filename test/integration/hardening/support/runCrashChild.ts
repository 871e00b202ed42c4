/**
 * Builds crashChild.ts once into one ES module (npm packages stay external) and runs it: node
 * starts a bundle in a fraction of the time tsx needs to compile the host's import graph, which
 * is what keeps 50 kill/restart cycles fast. The bundle sits in test/.cache/ at the same depth as
 * main/host/, so the host's `../../package.json` still resolves.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ENTRY = fileURLToPath(new URL("./crashChild.ts", import.meta.url));
const BUNDLE = fileURLToPath(new URL("../../../.cache/crashChild.mjs", import.meta.url));

export async function buildCrashChild(): Promise<string> {
  await build({
    entryPoints: [ENTRY],
    outfile: BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return BUNDLE;
}

export type ChildLine = { type: string; at: number } & Record<string, unknown>;

/** When to kill: `delayMs` after the child printed a line of type `after` (or after spawn). */
export interface KillPlan {
  after: "spawn" | "ready" | "token";
  delayMs: number;
}

export interface ChildRun {
  lines: ChildLine[];
  /** The signal that ended the child (SIGKILL when the plan fired), or null if it exited. */
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the child and SIGKILLs it by the plan; a child that never reaches its anchor is killed after `limitMs`. */
export function runCrashChild(bundle: string, args: string[], plan: KillPlan, limitMs = 15_000): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const lines: ChildLine[] = [];
    let rest = "";
    let stderr = "";
    let armed = false;
    const kill = () => child.kill("SIGKILL");
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(kill, plan.delayMs);
    };
    const limit = setTimeout(kill, limitMs);
    if (plan.after === "spawn") arm();
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop()!;
      for (const part of parts) {
        const line = JSON.parse(part) as ChildLine;
        lines.push(line);
        if (line.type === plan.after) arm();
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (_code, signal) => {
      clearTimeout(limit);
      resolve({ lines, signal, stderr });
    });
  });
}
