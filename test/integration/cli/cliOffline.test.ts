import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppSettings, ProfileData } from "../../../app/contract/types";
import type { Result } from "../../../app/contract/errors";
import { chatCommand } from "../../../main/cli/commands/chat";
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
});

/** Calls the host of a data folder once (between CLI runs, which open and close their own host). */
async function withHost<T>(home: string, calls: Array<[string, unknown]>): Promise<T> {
  const host = await createHost({ dataDir: home, kind: "cli", gpu: false, quiet: true });
  try {
    let last: unknown;
    for (const [channel, payload] of calls) {
      const result = (await host.handle(channel as never, payload)) as Result<unknown>;
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      last = result.value;
    }
    return last as T;
  } finally {
    await host.close();
  }
}

/** README: flags that change settings (--offline, --strategy, --cloud-*, --profile, --threads) apply to that run only. */
describe("npm run cli -- chat: flags that change settings", () => {
  let home: string;
  let cloud: RecordingCloud;
  const savedProfile: ProfileData = {
    name: "Saved Person",
    city: "Lyon",
    job: "",
    family: [],
    healthNotes: "",
    alwaysPrivate: ["saved term"],
    freeText: "",
  };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "tandem-cli-run-only-"));
    cloud = await startRecordingCloud();
    presetAnswerCap(home, 32);
  });

  afterAll(async () => {
    await cloud.close();
    rmSync(home, { recursive: true, force: true });
  });

  it("apply to that run only: the saved settings, cloud set-up and profile are as before afterwards", async () => {
    await withHost(home, [
      ["settings:update", { threads: 2, hybridStrategy: "sketch-refine" }],
      ["cloud:configure", { baseUrl: `${cloud.baseUrl}/saved`, model: "saved-model" }],
      ["profile:update", savedProfile],
    ]);
    const profileFile = join(home, "run-profile.json");
    writeFileSync(profileFile, JSON.stringify({ name: "Run Person", city: "Kiel", alwaysPrivate: ["run term"] }));
    const { code } = await chat(home, [
      "--model",
      await getEndlessTinyModel2kPath(),
      "--mode",
      "hybrid",
      "--offline",
      "--strategy",
      "cloud-outline",
      "--threads",
      "1",
      "--cloud-base-url",
      cloud.baseUrl,
      "--cloud-model",
      "test-model",
      "--profile",
      profileFile,
      "--json",
      "Write a short note to my landlord",
    ]);
    expect(code).toBe(0);
    const settings = await withHost<AppSettings>(home, [["settings:get", {}]]);
    expect(settings).toMatchObject({
      threads: 2,
      hybridStrategy: "sketch-refine",
      offline: false,
      cloudBaseUrl: `${cloud.baseUrl}/saved`,
      cloudModel: "saved-model",
    });
    await expect(withHost<ProfileData>(home, [["profile:get", {}]])).resolves.toEqual(savedProfile);
  });
});
