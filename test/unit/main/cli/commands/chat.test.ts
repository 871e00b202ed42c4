import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { chatCommand } from "../../../../../main/cli/commands/chat";

/** The options the README names for `chat` (README "Command line"). */
const README_OPTIONS = [
  "--model",
  "--mode",
  "--strategy",
  "--cloud-base-url",
  "--cloud-model",
  "--profile",
  "--context",
  "--offline",
  "--conversation",
  "--threads",
  "--json",
];

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** `chat` in this process with captured output; the data folder shows whether it opened anything. */
async function chat(args: string[]): Promise<{ code: number; stdout: string; stderr: string; home: string }> {
  const home = mkdtempSync(join(tmpdir(), "tandem-chat-usage-"));
  homes.push(home);
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (c: Buffer) => out.push(c));
  stderr.on("data", (c: Buffer) => err.push(c));
  const code = await chatCommand(args, { stdin: new PassThrough(), stdout, stderr, dataDir: home });
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), home };
}

describe("chat: bad usage is refused before anything is opened or sent", () => {
  it.each([
    [["--mode", "loud", "hi"], "Unknown --mode loud"],
    [["--strategy", "guess", "hi"], "Unknown --strategy guess"],
    [["--threads", "0", "hi"], "--threads takes a positive whole number"],
    [["--threads", "1.5", "hi"], "--threads takes a positive whole number"],
    [["--threads", "two", "hi"], "--threads takes a positive whole number"],
    [["--loud", "hi"], "Unknown option '--loud'"],
  ])("%j: says what is wrong, shows the usage on stderr and exits with 2", async (args, message) => {
    const { code, stdout, stderr, home } = await chat(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: npm run -s cli -- chat [options] "instruction"');
    expect(stdout).toBe("");
    expect(readdirSync(home)).toEqual([]);
  });

  it("asks for an instruction when none is given (blank counts as none)", async () => {
    const { code, stderr } = await chat(["--mode", "hybrid", "  "]);
    expect(code).toBe(2);
    expect(stderr.startsWith("Usage:")).toBe(true);
  });

  it("accepts every documented mode and strategy and a positive thread count (checked with --help, which opens nothing)", async () => {
    const runs = [
      ...["private", "hybrid", "cloud", "auto"].map((mode) => ["--mode", mode, "--help"]),
      ...["sketch-refine", "cloud-outline"].map((strategy) => ["--strategy", strategy, "--threads", "3", "--help"]),
    ];
    for (const args of runs) {
      const { code, stdout } = await chat(args);
      expect([code, stdout.split("\n")[0]]).toEqual([0, 'Usage: npm run -s cli -- chat [options] "instruction"']);
    }
  });

  it("prints the usage on stdout for --help and exits with 0", async () => {
    const { code, stdout, stderr } = await chat(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--offline                  nothing leaves the device for this run, whatever the mode");
    expect(stdout.endsWith("privacy report\n")).toBe(true);
    expect(stderr).toBe("");
  });
});

describe("npm run cli -- chat --help", () => {
  it("lists every option the README names on stdout and exits with 0, before opening any data folder", async () => {
    const { code, stdout, home } = await chat(["--help"]);
    expect(code).toBe(0);
    for (const option of README_OPTIONS) expect(stdout).toMatch(new RegExp(`^\\s+${option}\\b`, "m"));
    expect(stdout).toMatch(/auto/);
    expect(readdirSync(home)).toEqual([]);
  });
});
