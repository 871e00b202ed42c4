import { describe, expect, it } from "vitest";
import { replyWithPlaceholders, type ChatRequestBody } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

/**
 * Issue #11, proper nouns: a lone name that only wink-nlp's tagger catches ("Lily" at a sentence
 * start, before a verb) leaves as a placeholder, while the public proper nouns of the same message
 * (a holiday, a weekday, a government agency) reach the cloud verbatim. Asserted on the bytes the
 * recording server on 127.0.0.1 received.
 */
describe("Hybrid requests: the user's names out, public proper nouns in", () => {
  let h: Harness;
  useHybridHarness({ maxAnswerTokens: 16, cloud: { reply: replyWithPlaceholders } }, (started) => (h = started));

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
