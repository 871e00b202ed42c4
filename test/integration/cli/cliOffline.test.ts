import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppSettings, ProfileData } from "../../../app/contract/types";
import { startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";
import { presetAnswerCap } from "../../helpers/presetAnswerCap";
import { getEndlessTinyModel2kPath } from "../hybrid/support/tinyModel2k";
import { chatInProcess as chat, withHost } from "./support/inProcessChat";

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
