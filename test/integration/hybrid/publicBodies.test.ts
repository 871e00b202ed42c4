import { describe, expect, it } from "vitest";
import { replyWithPlaceholders, type ChatRequestBody } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

/**
 * Issue #11, retention: a public body named in the private context (Medicare, FEMA, the
 * Finanzamt) reaches the cloud verbatim when the request names it again, while the user's own
 * employer from the same context leaves as a placeholder. Asserted on the bytes the recording
 * server on 127.0.0.1 received.
 */
describe("Hybrid requests: public bodies in, the user's employer out", () => {
  let h: Harness;
  useHybridHarness({ maxAnswerTokens: 16, cloud: { reply: replyWithPlaceholders } }, (started) => (h = started));

  it("sends Medicare and FEMA from the context as written, and the user's employer as a placeholder", async () => {
    h.settings.hybridStrategy = "sketch-refine";
    h.context.profile.set({
      freeText: "I work for Halvorsen Freight as a dispatcher. Medicare card on file; FEMA inspected the roof in May.",
    });
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(
      conversation.id,
      "Write to Medicare and FEMA that Halvorsen Freight changed my insurance in June.",
    );
    const sent = h.cloud.requests.slice(before);
    expect(sent).toHaveLength(1);
    const instruction = (sent[0]!.json as ChatRequestBody).messages?.find((m) => m.role === "user")?.content;
    expect(instruction).toBe("Write to Medicare and FEMA that [ORG_1] changed my insurance in June.");
    expect(sent[0]!.raw).not.toMatch(/Halvorsen/i);
    expect(message.status).toBe("done");
    h.context.profile.set({ freeText: "" });
  });

  it("keeps the same tax office private where the user works there", async () => {
    h.settings.hybridStrategy = "sketch-refine";
    h.context.profile.set({ freeText: "Ich arbeite beim Finanzamt Heidelberg in der Veranlagung." });
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    await h.ask(conversation.id, "Schreib der Familienkasse, dass das Finanzamt Heidelberg mein Arbeitgeber ist.");
    const sent = h.cloud.requests.slice(before);
    expect(sent).toHaveLength(1);
    const instruction = (sent[0]!.json as ChatRequestBody).messages?.find((m) => m.role === "user")?.content;
    expect(instruction).toBe("Schreib der Familienkasse, dass das [ORG_1] mein Arbeitgeber ist.");
    expect(sent[0]!.raw).not.toMatch(/Finanzamt Heidelberg|Heidelberg/);
    h.context.profile.set({ freeText: "" });
  });
});
