import { describe, expect, it } from "vitest";
import type { HybridStrategy } from "../../../app/contract/types";
import { OUTLINE_SYSTEM, REFINE_REQUEST, REFINE_SYSTEM } from "../../../app/egress/appTexts";
import { PrivacyVault, VaultStore } from "../../../app/privacy";
import { replyWithPlaceholders, type ChatRequestBody } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

/**
 * Issue #11: (defect 1) ordinary words registered as private context terms must not block the
 * app's own constant prompts — the request still reaches the cloud; (item 6) placeholders are
 * numbered in the order they first leave the device, not in the order context was registered.
 * Asserted on the bytes the recording server received.
 */
describe("Hybrid requests: the app's own text and placeholder numbering", () => {
  let h: Harness;
  useHybridHarness({ maxAnswerTokens: 16, cloud: { reply: replyWithPlaceholders } }, (started) => (h = started));

  it.each<[HybridStrategy, string]>([
    ["sketch-refine", REFINE_SYSTEM],
    ["cloud-outline", OUTLINE_SYSTEM],
  ])("reaches the cloud (%s) although the context made 'square' and 'ask' private terms", async (strategy, system) => {
    h.settings.hybridStrategy = strategy;
    const conversation = h.conversation("hybrid");
    // What registerContext did on held-out contexts ("… Market Square", "ask for a number").
    const vault = new PrivacyVault(conversation.id);
    vault.registerTerms(
      [
        { text: "square", type: "ADDRESS" },
        { text: "ask", type: "PERSON" },
        { text: "a number", type: "ID" },
      ],
      "context",
    );
    new VaultStore(h.store.db).save(vault);
    const before = h.cloud.requests.length;
    const message = await h.ask(conversation.id, "Please polish a short note about the heating.");
    const sent = h.cloud.requests.slice(before);
    expect(sent).toHaveLength(1);
    const body = sent[0]!.json as ChatRequestBody;
    expect(body.messages?.[0]).toEqual({ role: "system", content: system });
    if (strategy === "sketch-refine" && body.messages!.length > 2)
      expect(body.messages!.at(-1)).toEqual({ role: "user", content: REFINE_REQUEST });
    expect(h.stage(message.id, "notice")).toBeUndefined();
    expect(message.status).toBe("done");
  });

  it("numbers the first person sent [PERSON_1] although three people were registered from the context first", async () => {
    h.settings.hybridStrategy = "sketch-refine";
    h.context.profile.set({
      freeText: "My landlord is Derek Pollard. My sister is Rose Baker. My doctor is Ines Faure.",
    });
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const message = await h.ask(conversation.id, "Write to Ines Faure that I need to move the appointment.");
    const sent = h.cloud.requests.slice(before);
    expect(sent).toHaveLength(1);
    const raw = sent[0]!.raw;
    const body = sent[0]!.json as ChatRequestBody;
    // The instruction is the first text that leaves: its person is [PERSON_1], not [PERSON_4].
    expect(body.messages?.find((m) => m.role === "user")?.content).toBe(
      "Write to [PERSON_1] that I need to move the appointment.",
    );
    // The tiny model's random sketch may name more people; they are numbered on from there, in the
    // order they first appear, with no gap that would count the people still in the vault.
    const numbers = [...new Set([...raw.matchAll(/\[PERSON_(\d+)\]/g)].map((m) => Number(m[1])))];
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(raw).not.toMatch(/Faure|Pollard|Baker/);
    // Restored on the device: the cloud's [PERSON_1] is Ines Faure.
    expect(message.content).toContain("Ines Faure");
    h.context.profile.set({ freeText: "" });
  });
});
