import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRequestBody } from "../../helpers/recordingCloud";
import { ScriptedModel, systemPrompt } from "../../helpers/scriptedModel";
import { startHarness, type Harness } from "../hybrid/support/hybridHarness";

const PRIVATE = [
  "Rose Baker",
  "Leeds",
  "type 1 diabetes",
  "Derek Pollard",
  "rose.baker@example.org",
  "GB33BUKB20201555555555",
  "Bluefalcon",
];
const NOTE =
  "Tenancy agreement with Derek Pollard. Rent goes to GB33BUKB20201555555555. Write to rose.baker@example.org.";

/**
 * Hybrid mode with a local model that puts the user's private context into its sketch word for
 * word — the worst sketch a real model could write. The promise: the cloud still receives only
 * placeholders (asserted on the bytes the recording server on 127.0.0.1 got), and a later Cloud
 * turn never carries the Hybrid answer, which holds the restored, real values.
 */
describe("a sketch that copies the private context verbatim", () => {
  let h: Harness;
  // The sketch is the user's message and the whole system prompt (instructions, profile, notes) as given.
  const model = new ScriptedModel((options) => `Draft for: ${options.turns.at(-1)?.content}\n${systemPrompt(options)}`);

  beforeAll(async () => {
    // The cloud "polishes" by returning the draft it was given (placeholders and all).
    const echoDraft = (body: ChatRequestBody) =>
      String(body.messages?.find((m) => m.role === "assistant")?.content ?? "");
    h = await startHarness(model, { maxAnswerTokens: 400, cloud: { reply: echoDraft } });
    h.setLocale("en-GB");
    h.context.profile.set({
      name: "Rose Baker",
      city: "Leeds",
      healthNotes: "type 1 diabetes",
      alwaysPrivate: ["Bluefalcon"],
    });
    h.context.items.add({ title: "Tenancy", text: NOTE, conversationId: null });
  });

  afterAll(async () => {
    await h.close();
  });

  it("sends only placeholders: none of the private values reaches the cloud, though the sketch holds them all", async () => {
    const conversation = h.conversation("hybrid");
    const before = h.cloud.requests.length;
    const answer = await h.ask(
      conversation.id,
      "Help me write to my landlord about the tenancy, Bluefalcon and the heating.",
    );
    expect(answer.status).toBe("done");
    const sketch = h.stage(answer.id, "sketch")?.content ?? "";
    for (const value of PRIVATE) expect(sketch).toContain(value);
    const sent = h.cloud.requests.slice(before);
    expect(sent).toHaveLength(1);
    const received = sent.map((r) => r.raw).join("\n");
    for (const value of PRIVATE) expect(received).not.toContain(value);
    expect(received).toMatch(/\[PERSON_\d+\]/);
    // The answer on the device has the real values back.
    expect(answer.content).toContain("Derek Pollard");
    expect(h.stage(answer.id, "notice")).toBeUndefined();
  });

  it("a Private answer sends nothing, though the cloud is set up and the context is full of private values", async () => {
    const conversation = h.conversation("private");
    const before = { requests: h.cloud.requests.length, audited: h.audit.count() };
    const answer = await h.ask(conversation.id, "Help me write to my landlord about the tenancy.");
    expect(answer.status).toBe("done");
    expect(answer.content).toContain("Derek Pollard");
    expect(h.cloud.requests.length).toBe(before.requests);
    expect(h.audit.count()).toBe(before.audited);
  });

  it("a Cloud turn after a Hybrid turn sends neither the Hybrid question nor its restored answer", async () => {
    const conversation = h.conversation("hybrid");
    const hybrid = await h.ask(conversation.id, "Draft a note to Derek Pollard about the rent.");
    expect(hybrid.content).toContain("Derek Pollard");
    h.store.conversations.setMode(conversation.id, "cloud");
    const before = h.cloud.requests.length;
    const cloudTurn = await h.ask(conversation.id, "Suggest a subject line for a letter.");
    const body = h.cloud.requests[before]!.json as ChatRequestBody;
    expect(body.messages?.slice(1)).toEqual([{ role: "user", content: "Suggest a subject line for a letter." }]);
    const received = h.cloud.requests
      .slice(before)
      .map((r) => r.raw)
      .join("\n");
    for (const value of PRIVATE) expect(received).not.toContain(value);
    expect(h.stage(cloudTurn.id, "notice")?.content).toMatch(
      /2 earlier messages from Private or Hybrid turns stayed on this device/,
    );
  });
});
