import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
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

describe("npm run cli -- chat --help", () => {
  it("lists every option on stdout and exits with 0, before opening any data folder", async () => {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    const out: Buffer[] = [];
    stdout.on("data", (c: Buffer) => out.push(c));
    // A data folder that cannot exist: help must not open a host.
    const io = { stdin: new PassThrough(), stdout, stderr, dataDir: "/nonexistent/tandem-help" };
    await expect(chatCommand(["--help"], io)).resolves.toBe(0);
    const help = Buffer.concat(out).toString("utf8");
    for (const option of README_OPTIONS) expect(help).toMatch(new RegExp(`^\\s+${option}\\b`, "m"));
    expect(help).toMatch(/auto/);
  });
});
