import { describe, expect, it } from "vitest";
import { replyWithPlaceholders } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

/**
 * Issue #11, French conditions by their CIM-10 names and a bank named before its IBAN: what the
 * recording server on 127.0.0.1 received for a Hybrid message in French.
 */
describe("Hybrid requests: French conditions and the user's bank stay on the device", () => {
  let h: Harness;
  useHybridHarness({ maxAnswerTokens: 16, cloud: { reply: replyWithPlaceholders } }, (started) => (h = started));

  it("replaces a condition the CIM-10 names, with no diagnosis cue in the message", async () => {
    h.setLocale("fr-FR");
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(
      conversation.id,
      "Écris à l'école que ma fille a la rougeole et qu'après sa fracture du poignet elle ne fera pas de sport ce trimestre.",
    );
    const received = h.cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");
    expect(received).toContain("trimestre");
    expect(received).not.toMatch(/rougeole|fracture du poignet/i);
    expect(message.status).toBe("done");
  });

  it("replaces the bank the profile names before its IBAN when the message opens with it", async () => {
    h.setLocale("fr-BE");
    h.context.profile.set({ freeText: "Colombe Dierickx, 1180 Uccle. Compte chez Belfius BE83 0682 4719 3615." });
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(conversation.id, "Belfius n'a pas répondu : rédige une relance pour le double débit.");
    const received = h.cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");
    expect(received).toContain("double d");
    expect(received).not.toMatch(/Belfius|BE83|Dierickx/);
    expect(message.status).toBe("done");
    h.context.profile.set({ freeText: "" });
  });
});
