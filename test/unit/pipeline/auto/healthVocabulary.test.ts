import { beforeAll, describe, expect, it } from "vitest";
import { decideRoute, routeMessage, ROUTING_RULES, warmUpAuto } from "../../../../app/pipeline/auto";
import { detect, PrivacyVault } from "../../../../app/privacy";

const ONLINE = { locale: "en-US", alwaysLocalTopics: [] as string[], offline: false, cloudAvailable: true };

function route(message: string, locale = "en-US") {
  return routeMessage({ message, settings: { ...ONLINE, locale } });
}

/** The same decision with the health vocabulary switched off: what Auto did before this rule. */
function withoutHealthWords(message: string) {
  const messageDetections = detect(message, new PrivacyVault("t"), { locale: "en-US" });
  return decideRoute({ message, messageDetections, ...ONLINE }, { ...ROUTING_RULES, healthRoots: [] });
}

// Loading the word lists and WordNet takes seconds on a busy machine: the warm-up's time is not a test's.
beforeAll(async () => void (await warmUpAuto("en-US", { delayMs: 0 }).done), 120_000);

describe("Auto routing: health vocabulary the engine did not type", () => {
  it.each([
    "Write to my boss that my tinnitus makes open-plan work hard and ask for a quieter desk.",
    "Tell the gym I have to pause my membership because of my eczema flare.",
    "Ask the school nurse whether Oliver can keep his migraine tablets in class.",
    "I need to reschedule the biopsy, can you draft a short email?",
  ])("keeps a message about someone's health on the device: %s", (message) => {
    const d = route(message);
    expect(d).toMatchObject({ route: "local", rule: "health-vocabulary" });
    expect(d.reason).toBe("Answered on this device: your message mentions a health condition.");
    expect(withoutHealthWords(message).rule).not.toBe("health-vocabulary");
  });

  it("without the vocabulary the same first-person health message would have gone the Hybrid way", () => {
    expect(
      withoutHealthWords("Write to my boss that my tinnitus makes open-plan work hard and ask for a quieter desk.")
        .route,
    ).toBe("hybrid");
  });

  it.each(["What is tinnitus and how common is it?", "Explain how a migraine differs from a tension headache."])(
    "lets a general health question go the Hybrid way (near miss: nobody's own health): %s",
    (message) => {
      expect(route(message)).toMatchObject({ route: "hybrid", rule: null });
    },
  );

  it.each([
    "Help me write a complaint to the bank about a duplicate charge.",
    "I caught a cold draft from the window, ask the landlord to fix the seal.",
    "Write a note to my neighbour asking whether we could share the smart meter reading.",
  ])("does not take ordinary words with a rare medical sense for health (near miss): %s", (message) => {
    expect(route(message).rule).not.toBe("health-vocabulary");
  });

  it("reads the local draft too: a draft that brings in the user's treatment keeps the message here", () => {
    const message = "Write to my manager that I will be out on Tuesday morning.";
    const sketch = "Dear Sam, I will be out on Tuesday morning for my tinnitus check-up and back by noon.";
    expect(routeMessage({ message, sketch, settings: ONLINE })).toMatchObject({
      route: "local",
      rule: "health-vocabulary",
    });
    expect(
      routeMessage({
        message,
        sketch: "Dear Sam, I will be out on Tuesday morning and back by noon.",
        settings: ONLINE,
      }).route,
    ).toBe("hybrid");
  });

  it("a token the engine could not classify makes the message about someone: with a health word, the health reason is given", () => {
    // "zbyszek" is a name the engine does not type: alone it keeps the message here as unclassified.
    expect(route("Ask zbyszek to bring the tickets on Friday.")).toMatchObject({
      route: "local",
      rule: "unclassified-tokens",
      masked: [],
    });
    expect(route("Ask zbyszek whether his tinnitus is better before Friday.")).toMatchObject({
      route: "local",
      rule: "health-vocabulary",
      masked: [],
    });
    // A masked number points at someone too: an untyped member number beside a health word is not sent masked.
    expect(route("Tell the club that member 4821 has to skip training because of tinnitus.")).toMatchObject({
      route: "local",
      rule: "health-vocabulary",
      masked: [],
    });
    expect(route("Tell the club that member 4821 has to skip training on Friday.")).toMatchObject({
      route: "hybrid",
      masked: ["4821"],
    });
    // Near miss: the same health word in a general question with nothing unclassified.
    expect(route("Ask whether tinnitus gets better on its own.").route).toBe("hybrid");
  });

  it("never names the health word in the reason", () => {
    expect(route("I need to reschedule the biopsy, can you draft a short email?").reason).not.toMatch(/biopsy/i);
  });
});
