import { beforeAll, describe, expect, it } from "vitest";
import { ROUTING_RULES } from "../../../../app/pipeline/auto";
import { decideWith, without } from "./support/routeCases";

/**
 * Issue #16, round 4: names the router used to count as known words. A given name that is also a
 * dictionary word ("Hope", "Will"), a surname right after a title ("Herrn Kranz"), and, the other
 * way, titles and holidays that used to count as unknown names ("Mme", "Eid"). Pure decisions over
 * the detections given, so each case shows what the rule does when the engine missed the name.
 */
const decide = decideWith;

// The engine's word lists load on the first decision (seconds on a busy machine): not a test's time.
beforeAll(() => void decide("Warm up the word lists for Hope and Herrn Kranz."), 120_000);

describe("Auto routing: a given name that is also a dictionary word", () => {
  it.each([
    ["en-GB", "Please ask the bank to confirm the refund by letter to Hope at the old address."],
    ["en-GB", "Write a short note to Will's class teacher about the school trip."],
    ["fr-FR", "Écris au bailleur pour le dépôt de garantie et signe simplement Grace."],
  ])("keeps the message on the device when the engine did not type the name (%s): %s", (locale, message) => {
    const d = decide(message, [], locale);
    expect(d).toMatchObject({ route: "local", rule: "unclassified-tokens", kinds: ["given-name-word"] });
    expect(d.reason).not.toMatch(/Hope|Will|Grace/);
    // Before this rule the dictionary vouched for the word and the message went the Hybrid way.
    expect(decide(message, [], locale, without("given-name-word")).route).toBe("hybrid");
  });

  it("lets it go the Hybrid way once the engine typed the name (the placeholder replaces it)", () => {
    expect(
      decide("Please confirm the refund by letter to Hope at the old address.", [["Hope", "PERSON"]]),
    ).toMatchObject({
      route: "hybrid",
      kinds: [],
    });
  });

  it.each([
    "We hope the refund arrives before the end of the month.", // lowercase: the word
    "Hope you are well: please send the form again.", // sentence start
    "The deposit is due in May, and the rent on the first Monday of June.", // months and weekdays
    "Send the parcel to the hotel in Florence by Friday.", // a public place
    "Book the table for Christmas Eve and tell the staff we come at eight.", // a holiday
  ])("does not count an ordinary, calendar, holiday or place word as a name (near miss): %s", (message) => {
    expect(decide(message)).toMatchObject({ route: "hybrid", kinds: [] });
  });

  it("leaves German to its own name-list check: every German noun is capitalised", () => {
    const message = "Bitte sag der Versicherung, dass die Hoffnung und die Rose im Garten erfroren sind.";
    const d = decide(message, [], "de-DE");
    expect(d.kinds).not.toContain("given-name-word");
    expect(d).toEqual(decide(message, [], "de-DE", without("given-name-word")));
  });
});

describe("Auto routing: a surname right after a title", () => {
  it.each([
    ["de-DE", "Schreib einen Widerspruch an Herrn Kranz gegen die Nebenkostenabrechnung."],
    ["de-AT", "Schreib Frau Dr. Winter eine kurze Nachricht wegen des Termins."],
    ["en-GB", "Tell Mrs Baker that the fence will be fixed on Friday."],
  ])("keeps the message on the device when the engine did not type it (%s): %s", (locale, message) => {
    expect(decide(message, [], locale)).toMatchObject({ route: "local", kinds: ["after-title"] });
    expect(decide(message, [], locale, without("after-title")).route).toBe("hybrid");
  });

  it("lets it go the Hybrid way when the engine typed the surname, and never counts the title itself", () => {
    expect(decide("Schreib einen Widerspruch an Herrn Kranz.", [["Kranz", "PERSON"]], "de-DE").route).toBe("hybrid");
    expect(
      decide("Ma conseillère s'appelle Mme Yasmina Haddou.", [["Yasmina Haddou", "PERSON"]], "fr-FR"),
    ).toMatchObject({ route: "hybrid", kinds: [] });
  });

  it("does not read a lowercase word after a title as a name (near miss)", () => {
    expect(decide("Mme la directrice a signé le courrier.", [], "fr-FR").route).toBe("hybrid");
  });
});

describe("Auto routing: a lowercase given name the message is addressed to", () => {
  it.each([
    "hey can you help me tell mark that i need parental leave from june",
    "write a message to lily saying the flat is sold and the agent has the keys",
    "pls ask sue if the car is ready",
  ])("keeps the message on the device when the engine did not type the name: %s", (message) => {
    expect(decide(message)).toMatchObject({ route: "local", rule: "unclassified-tokens", kinds: ["addressee"] });
    expect(decide(message, [], "en-GB", without("addressee")).route).toBe("hybrid");
  });

  it.each([
    "please mark the date in the calendar and tell the team", // a verb, not after a communication word
    "tell them. mark the date please", // a sentence boundary between
    "write a message to grandma saying the flat is sold", // not a given name
    "can you tell my boss that i need leave from june", // a relation, not a name
  ])("does not read an ordinary word after a communication word as a name (near miss): %s", (message) => {
    expect(decide(message)).toMatchObject({ route: "hybrid", kinds: [] });
  });

  it("lets it go the Hybrid way once the engine typed the name", () => {
    expect(decide("tell mark that i need leave", [["mark", "PERSON"]]).route).toBe("hybrid");
  });
});

describe("Auto routing: titles and holidays are public words", () => {
  it("sends a message whose only capitalised unknowns were a title or a holiday the Hybrid way", () => {
    const mme = "Ma conseillère s'appelle Mme Haddou.";
    expect(decide(mme, [["Haddou", "PERSON"]], "fr-FR")).toMatchObject({ route: "hybrid", kinds: [] });
    const eid = "Write to the school that he is off for Eid al-Fitr on Monday.";
    expect(decide(eid)).toMatchObject({ route: "hybrid", kinds: [] });
    const noLists = { ...ROUTING_RULES, publicWordLists: [] };
    expect(decide(mme, [["Haddou", "PERSON"]], "fr-FR", noLists).kinds).toEqual(["unknown-capitalised"]);
    expect(decide(eid, [], "en-GB", noLists).kinds).toEqual(["unknown-capitalised"]);
  });

  it("still keeps a holiday-shaped word that is someone's name the engine missed (near miss: not a listed holiday)", () => {
    expect(decide("Write to the school that Zbigniew is off on Monday.").kinds).toEqual(["unknown-capitalised"]);
  });
});
