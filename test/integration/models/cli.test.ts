import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTinyModelPath } from "../../helpers/tinyModel";
import { downloadModelBody } from "./support/downloadModel";
import { serveModelFiles, type ModelFileServer } from "./support/serveModelFile";
import { writeLlama70bHeader } from "./support/syntheticHeaders";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules/.bin/tsx");

/** `npm run cli -- models …` as a user runs it: a separate process with its own TANDEM_HOME. */
describe("npm run cli -- models", () => {
  let home: string;
  let server: ModelFileServer;
  const cli = (args: string[]) =>
    run(TSX, ["main/cli/index.ts", "models", ...args], {
      env: { ...process.env, TANDEM_HOME: home },
      maxBuffer: 10_000_000,
    });
  const failure = (args: string[]) =>
    cli(args).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "tandem-cli-models-"));
    server = await serveModelFiles();
  });

  afterAll(async () => {
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it("inspect --json prints architecture, parameters, quantization, context length and chat template", async () => {
    const path = await getTinyModelPath();
    const { stdout } = await cli(["inspect", path, "--json"]);
    expect(JSON.parse(stdout)).toEqual({
      path,
      name: "tandem-tiny",
      sizeBytes: 641_632,
      architecture: "llama",
      parameters: 156_736,
      quantization: "F32",
      contextLength: 512,
      chatTemplate: true,
    });
  });

  it("fit --json gives the verdict and the estimated memory; a 70B header is too large", async () => {
    const tiny = JSON.parse((await cli(["fit", await getTinyModelPath(), "--json"])).stdout);
    expect(tiny).toMatchObject({ verdict: "fits-ram", basis: "header", contextSize: 512 });
    expect(tiny.estimatedBytes).toBeGreaterThan(0);
    const { stdout } = await cli(["fit", await writeLlama70bHeader(), "--context", "2048"]);
    expect(stdout).toMatch(
      /^too large: about \d+\.\d GB at 2,048 tokens \(from the GGUF header\)\.\nNeeds about .* Too large for this computer\.\n$/,
    );
  });

  it("download shows progress, checks the file and adds it; list shows it as the active model", async () => {
    server.files.set("/models/tiny-download.gguf", { body: downloadModelBody(), bytesPerSecond: 3_000_000 });
    const url = server.url("/models/tiny-download.gguf");
    const { stdout, stderr } = await cli(["download", url]);
    // Not a terminal here: one progress line per 10 %.
    expect(stderr).toMatch(/^Connecting to 127\.0\.0\.1:\d+…$/m);
    const bars = stderr
      .split("\n")
      .filter((line) => /^ *\d+% \[[#.]{20}\] [\d.]+ MB \/ 14\.8 MB · [\d.]+ MB\/s · \d+ s left$/.test(line));
    expect(bars.length).toBeGreaterThanOrEqual(3);
    expect(stderr).toContain("Checking the file (size, SHA-256, GGUF header)");
    expect(stdout).toMatch(/^added [\w-]+ {2}tandem-tiny-download · llama · .* · 14\.8 MB · .*tiny-download\.gguf\n$/);
    const listed = JSON.parse((await cli(["list", "--json"])).stdout);
    expect(listed.models).toHaveLength(1);
    expect(listed.models[0]).toMatchObject({ source: url, path: join(home, "models", "tiny-download.gguf") });
    expect(listed.activeModelId).toBe(listed.models[0].id);
  });

  it("download fails with a clear message and exit code 1 for a 404", async () => {
    const error = await failure(["download", server.url("/models/missing.gguf")]);
    expect(error).toMatchObject({ code: 1 });
    expect(error!.stderr).toContain(
      `tandem: There is no model file at ${server.url("/models/missing.gguf")} (HTTP 404)`,
    );
  });

  it("import --copy adds a copy in the data folder; a file that is not a model is refused", async () => {
    const { stdout } = await cli(["import", await getTinyModelPath(), "--copy", "--json"]);
    expect(JSON.parse(stdout)).toMatchObject({ source: "import", path: join(home, "models", "tiny-llama.gguf") });
    const error = await failure(["import", join(home, "tandem.db")]);
    expect(error).toMatchObject({ code: 1 });
    expect(error!.stderr).toMatch(/not a GGUF model/);
  });

  it("explains its usage for an unknown subcommand", async () => {
    const error = await failure(["frobnicate"]);
    expect(error).toMatchObject({ code: 2 });
    expect(error!.stderr).toContain("Unknown models command: frobnicate");
  });
});
