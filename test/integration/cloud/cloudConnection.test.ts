import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../app/logging/Logger";
import { CloudProvider } from "../../../app/providers/cloud";
import { startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";
import { testThroughGate } from "../../helpers/throughGate";

describe("listing models and testing the connection", () => {
  const clouds: RecordingCloud[] = [];
  let cloud: RecordingCloud;
  const provider = (model: string, baseUrl = cloud.baseUrl, apiKey: string | null = "sk-test") =>
    new CloudProvider({ baseUrl, model, apiKey, timeoutMs: 500 }, { logger: silentLogger });
  const start = async (options: Parameters<typeof startRecordingCloud>[0]) => {
    const started = await startRecordingCloud(options);
    clouds.push(started);
    return started;
  };

  beforeAll(async () => {
    cloud = await start({ models: ["zeta-large", "alpha-small", "test-model"] });
  });
  afterAll(async () => {
    await Promise.all(clouds.map((c) => c.close()));
  });

  it("lists the endpoint's models, sorted", async () => {
    await expect(provider("test-model").listModels()).resolves.toEqual(["alpha-small", "test-model", "zeta-large"]);
  });

  it("reports success with the models when the configured model is listed, without sending a chat request", async () => {
    const before = cloud.requests.length;
    const result = await testThroughGate(provider("alpha-small"));
    expect(result).toEqual({
      ok: true,
      models: ["alpha-small", "test-model", "zeta-large"],
      message: `Connected to ${new URL(cloud.baseUrl).host}: 3 models available, including "alpha-small".`,
    });
    expect(cloud.requests.slice(before).map((r) => r.path)).toEqual(["/v1/models"]);
  });

  it("fails plainly when the configured model is neither listed nor answering", async () => {
    const result = await testThroughGate(provider("gpt-nonexistent"));
    expect(result.ok).toBe(false);
    expect(result.models).toHaveLength(3);
    expect(result.message).toContain('"gpt-nonexistent" is not among the 3 models it lists');
  });

  it("falls back to a 1-token call on an endpoint that does not list models", async () => {
    const unlisted = await start({ serveModelList: false, reply: "Hello there, friend" });
    const result = await testThroughGate(provider("test-model", unlisted.baseUrl));
    expect(result).toEqual({
      ok: true,
      message: `Connected to ${new URL(unlisted.baseUrl).host}; it does not list models, but "test-model" answered.`,
    });
    const chat = unlisted.requests.find((r) => r.path === "/v1/chat/completions");
    expect(chat?.json).toMatchObject({ max_tokens: 1, messages: [{ role: "user", content: "Hi" }] });
  });

  it("reports a rejected key as not ok with the key message", async () => {
    cloud.setFault({ status: 401 });
    try {
      const result = await testThroughGate(provider("test-model"));
      expect(result).toEqual({
        ok: false,
        message: "The cloud provider rejected the API key (401). Check the key in Settings → Cloud.",
      });
      await expect(provider("test-model").listModels()).rejects.toMatchObject({ code: "cloud_auth" });
    } finally {
      cloud.setFault(null);
    }
  });

  it("says a key is needed when none is configured and the endpoint wants one", async () => {
    cloud.setFault({ status: 401 });
    try {
      const result = await testThroughGate(provider("test-model", cloud.baseUrl, null));
      expect(result.message).toBe("The cloud provider needs an API key (401). Add one in Settings → Cloud.");
    } finally {
      cloud.setFault(null);
    }
  });

  it("times out listing models on an endpoint that never answers", async () => {
    cloud.setFault({ hang: true });
    try {
      await expect(provider("test-model").listModels()).rejects.toMatchObject({ code: "cloud_timeout" });
    } finally {
      cloud.setFault(null);
    }
  });

  it("reports an unreachable endpoint without throwing", async () => {
    const gone = await startRecordingCloud();
    await gone.close();
    const result = await testThroughGate(provider("test-model", gone.baseUrl));
    expect(result.ok).toBe(false);
    expect(result.message).toContain("Could not reach the cloud provider");
  });
});
