import { describe, expect, it } from "vitest";
import { replyWithPlaceholders } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

/**
 * Issue #11, retention: public acronyms of a French conversation and a thank-you before a name
 * reach the cloud, the user's own insurer and the name do not. Asserted on what the recording
 * server on 127.0.0.1 received for a Hybrid message.
 */
describe("Hybrid requests: public acronyms and a thank-you reach the cloud, the user's insurer does not", () => {
  let h: Harness;
  useHybridHarness({ maxAnswerTokens: 16, cloud: { reply: replyWithPlaceholders } }, (started) => (h = started));

  const receivedSince = (before: number) =>
    h.cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");

  it("sends the public body and the law by name, but not the insurer the profile ties to the user", async () => {
    h.setLocale("fr-FR");
    h.context.profile.set({ freeText: "Claire Martin, 4 rue des Lilas, 44000 Nantes. Assureur : MAIF." });
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(
      conversation.id,
      "Rédige une lettre à la CPAM : selon la loi ALUR et mon contrat MAIF, qui rembourse les frais ?",
    );
    const received = receivedSince(before);
    expect(received).toContain("CPAM");
    expect(received).toContain("ALUR");
    expect(received).not.toMatch(/MAIF|Claire|Martin|Lilas|44000/);
    expect(message.status).toBe("done");
    h.context.profile.set({ freeText: "" });
  });

  it("sends the thank-you before a name and replaces only the name", async () => {
    h.setLocale("fr-FR");
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(conversation.id, "Merci, Clément. Écris-lui que je passe demain.");
    const received = receivedSince(before);
    expect(received).toContain("Merci");
    expect(received).not.toContain("Clément");
    expect(message.status).toBe("done");
  });
});
