import { describe, expect, it } from "vitest";
import { replyWithPlaceholders } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

/**
 * Issue #11, health terms and names that are words: what the recording server on 127.0.0.1
 * received when a Hybrid message repeats a German health term from the conversation's notes, or
 * signs with a given name that is also an ordinary word ("Olive" of Olive Garnier).
 */
describe("Hybrid requests: health terms from the notes and word-like given names stay on the device", () => {
  let h: Harness;
  useHybridHarness({ maxAnswerTokens: 16, cloud: { reply: replyWithPlaceholders } }, (started) => (h = started));

  it("replaces a German health term that the notes mention when the message repeats it", async () => {
    h.setLocale("de-DE");
    const conversation = h.conversation("hybrid");
    h.context.items.add({
      title: "Befund",
      text: "Befund vom März: Arthrose im rechten Knie, dazu Schuppenflechte an den Ellbogen.",
      conversationId: conversation.id,
    });
    const before = h.cloud.requests.length;
    const message = await h.ask(
      conversation.id,
      "Schreib meinem Chef, dass ich wegen der Arthrose am Montag früher gehen muss.",
    );
    const received = h.cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");
    expect(received).toContain("Montag");
    expect(received).not.toMatch(/Arthrose|Schuppenflechte/i);
    expect(message.status).toBe("done");
  });

  it("replaces a given name that is an ordinary word when the profile gives it with a surname", async () => {
    h.setLocale("fr-FR");
    h.context.profile.set({ freeText: "Olive Garnier, opératrice chez Renault à l'usine de Flins." });
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(
      conversation.id,
      "Écris au service du personnel pour demander un jour de congé vendredi. Signe simplement Olive.",
    );
    const received = h.cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");
    expect(received).toContain("jour de cong");
    expect(received).not.toMatch(/Olive|Garnier/);
    expect(message.status).toBe("done");
    h.context.profile.set({ freeText: "" });
  });
});
