import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { chatCommand } from "../../../main/cli/commands/chat";
import { cliApi } from "../../../main/cli/cliApi";
import { createHost } from "../../../main/host/createHost";
import { startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";
import { presetAnswerCap } from "../../helpers/presetAnswerCap";
import { getEndlessTinyModel2kPath } from "../hybrid/support/tinyModel2k";

/** Runs `chat` in this process (so mutation testing sees which code ran) with captured output. */
async function chat(home: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (c: Buffer) => out.push(c));
  stderr.on("data", (c: Buffer) => err.push(c));
  const code = await chatCommand(args, { stdin: new PassThrough(), stdout, stderr, dataDir: home });
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}

/** README: `chat --offline --mode hybrid "…"` answers locally and sends nothing. */
describe("npm run cli -- chat --offline", () => {
  let home: string;
  let cloud: RecordingCloud;
  let modelPath: string;
  const hybrid = () => [
    "--mode",
    "hybrid",
    "--cloud-base-url",
    cloud.baseUrl,
    "--cloud-model",
    "test-model",
    "--threads",
    "1",
    "--json",
  ];

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "tandem-cli-offline-"));
    cloud = await startRecordingCloud();
    // 2k tokens of context: a Hybrid sketch prompt does not fit the 256 of the smallest tiny model.
    // The local answer must have text: the model that never ends by itself, cut at 32 tokens.
    presetAnswerCap(home, 32);
    modelPath = await getEndlessTinyModel2kPath();
  });

  afterAll(async () => {
    await cloud.close();
    rmSync(home, { recursive: true, force: true });
  });

  it("without --offline, the same Hybrid run does reach the cloud (the control)", async () => {
    const { code, stdout } = await chat(home, ["--model", modelPath, ...hybrid(), "Write a short note to my landlord"]);
    expect(code).toBe(0);
    expect(cloud.requests.filter((r) => r.path === "/v1/chat/completions")).toHaveLength(1);
    expect(JSON.parse(stdout).outbound).toHaveLength(1);
  });

  it("answers a Hybrid message locally, sends nothing, says so, and leaves offline mode off afterwards", async () => {
    const before = cloud.requests.length;
    const { code, stdout } = await chat(home, [...hybrid(), "--offline", "Write a short note to my landlord"]);
    expect(code).toBe(0);
    expect(cloud.requests.length).toBe(before);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ mode: "hybrid", status: "done", outbound: [] });
    expect(result.answer.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.stages)).toMatch(/[Oo]ffline/);
    // The flag applies to that run only: the next run without it reaches the cloud again.
    await chat(home, [...hybrid(), "Write it again"]);
    expect(cloud.requests.length).toBeGreaterThan(before);
  });

  it("applies --strategy, --threads, --cloud-* and --profile to that run only: settings and profile come back", async () => {
    const read = async (conversationId?: string) => {
      const host = await createHost({ dataDir: home, kind: "cli", gpu: "auto", quiet: true });
      try {
        const api = cliApi(host);
        const s = await api.settings.get({});
        const profile = await api.profile.get({});
        const question = conversationId
          ? (await api.conversations.get({ id: conversationId })).messages.find((m) => m.role === "user")?.content
          : undefined;
        return {
          s: [s.threads, s.offline, s.hybridStrategy, s.cloudBaseUrl, s.cloudModel],
          city: profile.city,
          question,
        };
      } finally {
        await host.close();
      }
    };
    const before = await read();
    const profile = join(home, "run-profile.json");
    writeFileSync(profile, JSON.stringify({ name: "Rose Baker", city: "Leeds" }));
    const args = ["--model", modelPath, "--mode", "hybrid", "--offline", "--json"];
    const run = await chat(home, [
      ...args,
      ...["--strategy", "cloud-outline", "--threads", "2", "--profile", profile],
      ...["--cloud-base-url", "http://127.0.0.1:9/v1", "--cloud-model", "other-model"],
      ...["Write", "a short note"], // unquoted words are one instruction, as a shell passes them
    ]);
    expect(run.code).toBe(0);
    const after = await read(JSON.parse(run.stdout).conversationId);
    expect(after.question).toBe("Write a short note");
    expect({ ...after, question: undefined }).toEqual(before);
    expect(before.city).not.toBe("Leeds");
  });
});
