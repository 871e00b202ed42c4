import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalModel } from "../../../app/model/LocalModel";
import { LlamaRuntime } from "../../../native-models/LlamaRuntime";
import { replyWithPlaceholders, type ChatRequestBody } from "../../helpers/recordingCloud";
import { startHarness, type Harness } from "./support/hybridHarness";
import { getTinyModel2kPath } from "./support/tinyModel2k";

/**
 * Issue #11, proper nouns: a lone name that only wink-nlp's tagger catches ("Lily" at a sentence
 * start, before a verb) leaves as a placeholder, while the public proper nouns of the same message
 * (a holiday, a weekday, a government agency) reach the cloud verbatim. Asserted on the bytes the
 * recording server on 127.0.0.1 received.
 */
describe("Hybrid requests: the user's names out, public proper nouns in", () => {
  let runtime: LlamaRuntime;
  let model: LocalModel;
  let h: Harness;

  beforeAll(async () => {
    runtime = await LlamaRuntime.create({ gpu: false });
    model = await runtime.load(await getTinyModel2kPath(), { threads: 1, contextSize: 2048 });
    h = await startHarness(model, { maxAnswerTokens: 16, cloud: { reply: replyWithPlaceholders } });
  });

  afterAll(async () => {
    await h.close();
    await runtime.dispose();
    expect(model.disposed).toBe(true);
  });

  it("sends a placeholder for a lone name the tagger found, and Thanksgiving, Thursday and the Social Security Administration as written", async () => {
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(
      conversation.id,
      "Thanksgiving is on Thursday. Lily said she would bring the pie, and the Social Security Administration letter can wait.",
    );
    const sent = h.cloud.requests.slice(before);
    expect(sent).toHaveLength(1);
    const instruction = (sent[0]!.json as ChatRequestBody).messages?.find((m) => m.role === "user")?.content;
    expect(instruction).toBe(
      "Thanksgiving is on Thursday. [PERSON_1] said she would bring the pie, and the Social Security Administration letter can wait.",
    );
    expect(sent[0]!.raw).not.toMatch(/Lily/i);
    expect(message.status).toBe("done");
  });
});
