import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../app/logging/Logger";
import { CloudError, CloudProvider } from "../../../app/providers/cloud";
import { startRecordingCloud, type CloudFault, type RecordingCloud } from "../../helpers/recordingCloud";
import { streamThroughGate } from "../../helpers/throughGate";

const REPLY = "alpha beta gamma delta epsilon zeta eta theta iota kappa";

async function failureOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

describe("CloudProvider maps every provider failure to a clear error", () => {
  let cloud: RecordingCloud;
  let provider: CloudProvider;
  const ask = () => streamThroughGate(provider, { messages: [{ role: "user", content: "Say the Greek letters." }] });

  beforeAll(async () => {
    cloud = await startRecordingCloud({ reply: REPLY });
    provider = new CloudProvider(
      { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-test", timeoutMs: 500 },
      { logger: silentLogger },
    );
  });
  afterAll(() => cloud.close());

  async function withFault(fault: CloudFault): Promise<CloudError> {
    cloud.setFault(fault);
    try {
      return await failureOf(ask());
    } finally {
      cloud.setFault(null);
    }
  }

  it("401: the key was rejected, check it in Settings → Cloud", async () => {
    const error = await withFault({ status: 401 });
    expect(error.code).toBe("cloud_auth");
    expect(error.message).toBe("The cloud provider rejected the API key (401). Check the key in Settings → Cloud.");
    expect(error.status).toBe(401);
    expect((error.cause as Error).constructor.name).toBe("AuthenticationError");
  });

  it("403: access refused with this key, with the provider's reason", async () => {
    const error = await withFault({ status: 403, message: "Project does not have access to model" });
    expect(error.code).toBe("cloud_auth");
    expect(error.message).toContain("(403): Project does not have access to model");
    expect(error.message).toContain('"test-model"');
  });

  it("404: the model is unknown (or the base URL is wrong)", async () => {
    const error = await withFault({ status: 404 });
    expect(error.code).toBe("cloud_model_not_found");
    expect(error.message).toContain('does not know the model "test-model" (404)');
  });

  it("404 for a real unknown model, without any injected fault", async () => {
    const other = new CloudProvider(
      { baseUrl: cloud.baseUrl, model: "no-such-model", apiKey: "sk-test" },
      { logger: silentLogger },
    );
    const error = await failureOf(streamThroughGate(other, { messages: [{ role: "user", content: "Hi" }] }));
    expect(error.code).toBe("cloud_model_not_found");
    expect(error.message).toContain('"no-such-model"');
  });

  it("429: rate limited, with the retry-after seconds in the message and on the error", async () => {
    const before = cloud.requests.length;
    const error = await withFault({ status: 429, retryAfterSeconds: 20 });
    expect(error.code).toBe("cloud_rate_limited");
    expect(error.message).toBe("Rate limited by the provider; try again in 20 s.");
    expect(error.retryAfterSeconds).toBe(20);
    // No silent retry: the SDK did not sleep 20 s and re-send the payload behind the user's back.
    expect(cloud.requests.length - before).toBe(1);
  });

  it("500: the provider failed, try again later; the request was sent exactly once", async () => {
    const before = cloud.requests.length;
    const error = await withFault({ status: 500 });
    expect(error.code).toBe("cloud_server_error");
    expect(error.message).toContain("internal error (500). Try again later.");
    expect(cloud.requests.length - before).toBe(1);
  });

  it("a provider that never answers times out after timeoutMs", async () => {
    const started = Date.now();
    const error = await withFault({ hang: true });
    expect(error.code).toBe("cloud_timeout");
    expect(error.message).toContain("did not answer within 0.5 s");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a stream that goes silent halfway times out instead of hanging", async () => {
    const error = await withFault({ stallStreamAfterChunks: 3 });
    expect(error.code).toBe("cloud_timeout");
    expect(error.message).toContain("sent nothing more for 0.5 s");
  });

  it("a stream cut halfway is reported as broken, not as a short answer", async () => {
    const error = await withFault({ cutStreamAfterChunks: 4 });
    expect(error.code).toBe("cloud_stream_broken");
    expect(error.message).toContain("broke off in the middle of the answer");
  });

  it("a stream that ends cleanly but without a finish is reported as broken", async () => {
    const error = await withFault({ endStreamAfterChunks: 2 });
    expect(error.code).toBe("cloud_stream_broken");
    expect(error.message).toContain("stopped before it was complete");
  });

  it("an error event inside the stream is a provider error with its reason", async () => {
    const error = await withFault({ errorInStreamAfterChunks: 2, message: "Upstream model overloaded" });
    expect(error.code).toBe("cloud_server_error");
    expect(error.message).toContain("in the middle of the answer: Upstream model overloaded");
  });

  it("malformed SSE is reported as a bad response", async () => {
    const error = await withFault({ malformedSse: true });
    expect(error.code).toBe("cloud_bad_response");
    expect(error.message).toContain("malformed stream");
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("an endpoint where nothing listens is unreachable", async () => {
    const gone = await startRecordingCloud();
    const baseUrl = gone.baseUrl;
    await gone.close();
    const offline = new CloudProvider({ baseUrl, model: "test-model", apiKey: "sk-test" }, { logger: silentLogger });
    const error = await failureOf(streamThroughGate(offline, { messages: [{ role: "user", content: "Hi" }] }));
    expect(error.code).toBe("cloud_unreachable");
    expect(error.message).toContain(`Could not reach the cloud provider at ${new URL(baseUrl).host}`);
  });

  it("works again once the fault is gone", async () => {
    await expect(ask()).resolves.toMatchObject({ text: REPLY, finishReason: "stop" });
  });
});
