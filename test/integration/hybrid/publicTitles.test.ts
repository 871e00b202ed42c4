import { describe, expect, it } from "vitest";
import { replyWithPlaceholders, type ChatRequestBody } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

/**
 * Issue #11, retention: a public office title from the private context ("the Ohio Attorney
 * General") reaches the cloud as a title with its place replaced, not as a person's name, and
 * the place is not turned into a person for the rest of the conversation. Asserted on the bytes
 * the recording server on 127.0.0.1 received for a Hybrid message.
 */
describe("Hybrid requests: a public office title reaches the cloud, its place and the landlord do not", () => {
  let h: Harness;
  useHybridHarness({ maxAnswerTokens: 16, cloud: { reply: replyWithPlaceholders } }, (started) => (h = started));

  it("sends 'Attorney General' and the place as a place, and the landlord as a placeholder", async () => {
    h.setLocale("en-US");
    h.settings.hybridStrategy = "sketch-refine";
    h.context.profile.set({
      freeText:
        "Lease with Brightwater Property Management LLC. I reported the broken AC to the Ohio Attorney General.",
    });
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(
      conversation.id,
      "Write to Brightwater Property Management that I told the Ohio Attorney General and the Solicitor General.",
    );
    const sent = h.cloud.requests.slice(before);
    expect(sent).toHaveLength(1);
    const instruction = (sent[0]!.json as ChatRequestBody).messages?.find((m) => m.role === "user")?.content;
    expect(instruction).toBe(
      "Write to [ORG_1] that I told the [LOCATION_1] Attorney General and the Solicitor General.",
    );
    expect(sent[0]!.raw).not.toMatch(/Brightwater|Ohio/);
    expect(message.status).toBe("done");
    h.context.profile.set({ freeText: "" });
  });

  it("sends the Défenseur des droits by name in a French message, and the user's name and bank as placeholders", async () => {
    h.setLocale("fr-FR");
    h.context.profile.set({ freeText: "Colombe Dierickx, 12 rue des Lilas, 44000 Nantes. Banque : Crédit Vendéen." });
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(
      conversation.id,
      "Rédige une saisine du Défenseur des droits : le Crédit Vendéen a refusé d'ouvrir un compte à Colombe.",
    );
    const received = h.cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");
    expect(received).toContain("Défenseur des droits");
    expect(received).not.toMatch(/Colombe|Dierickx|Vendéen|Lilas|44000/);
    expect(message.status).toBe("done");
    h.context.profile.set({ freeText: "" });
  });
});
