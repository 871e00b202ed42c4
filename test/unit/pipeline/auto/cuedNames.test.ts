import { beforeAll, describe, expect, it } from "vitest";
import type { RoutingRules } from "../../../../app/pipeline/auto";
import { decideWith, sentToCloud, without } from "./support/routeCases";

/**
 * Issue #16, round 8: names that are ordinary words, in any case, announced by their context —
 * a relation noun ("my friend mark"), a greeting ("Hi tom,") or a sign-off ("Best, Will") — in
 * en/de/fr. Both kinds are masked in the Hybrid request, not kept on the device. Pure decisions
 * with no detections: each case shows what the rule does when the engine missed the name.
 */
const decide = (message: string, locale = "en-GB", rules?: RoutingRules) => decideWith(message, [], locale, rules);

const sent = sentToCloud;

beforeAll(() => void decide("Warm up the word lists: my friend mark says hi.\nBest, Will"), 120_000);

describe("Auto routing: a given name after a relation noun", () => {
  it.each([
    ["en-GB", "Can you help me write a birthday card for my friend mark about the trip?", "mark"],
    ["de-DE", "Schreib bitte eine kurze Einladung mit meiner Schwester rose für Samstag.", "rose"],
    ["fr-FR", "Aide-moi à écrire un mot pour mon fils jack qui part en colonie.", "jack"],
  ])("masks it in what leaves (%s): %s", (locale, message, name) => {
    expect(decide(message, locale)).toMatchObject({ route: "hybrid", masked: [name] });
    // Without the rule the dictionary vouched for the word and it left as written.
    expect(decide(message, locale, without("relation-name")).masked).not.toContain(name);
    expect(sent(message, locale)).not.toMatch(new RegExp(`\\b${name}\\b`, "i"));
  });

  it.each([
    "Can you check whether my son will need a visa for the school trip?", // an auxiliary
    "My friend may come along to the meeting on Friday.", // a modal and a month
    "Please write to my friend about the trip and the hotel booking.", // no name
    "The doctor will see you at nine, so tell the front desk.", // an auxiliary after a relation noun
  ])("leaves ordinary words after a relation noun alone: %s", (message) => {
    expect(decide(message).masked).toEqual([]);
  });
});

describe("Auto routing: a name in a greeting or a sign-off", () => {
  it.each([
    ["en-GB", "Hi tom,\nCould you send me the slides from the workshop?", "tom"],
    ["en-GB", "Dear Rose,\nPlease find the signed form attached.", "Rose"],
    ["en-GB", "Please proofread this:\nThe parcel arrived safely, thank you.\nBest, Will", "Will"],
    ["en-GB", "Make this warmer:\nSee you at the station at six.\nCheers,\nGrace", "Grace"],
    ["de-DE", "Mach das freundlicher:\nDas Paket ist angekommen.\nLiebe Grüße, Hope", "Hope"],
    ["fr-FR", "Corrige ce message :\nLe colis est bien arrivé.\nBisous,\nRose", "Rose"],
  ])("masks it in what leaves (%s): %j", (locale, message, name) => {
    expect(decide(message, locale)).toMatchObject({ route: "hybrid", masked: [name] });
    expect(decide(message, locale, without("greeting-name")).masked).not.toContain(name);
    expect(sent(message, locale)).not.toContain(name);
  });

  it("masks both words of a signature that are words: 'Cordialement,\\nHope Baker'", () => {
    expect(decide("Traduis en anglais :\nMerci pour votre aide.\nCordialement,\nHope Baker", "fr-FR").masked).toEqual([
      "Hope",
      "Baker",
    ]);
  });

  it.each([
    "Hi there,\nCould you send me the slides from the workshop?", // a function word
    "Hello everyone, the slides are attached.", // no name
    "Thanks, will do the slides tomorrow.", // the word does not end the line
    "I love hope and the slides you made.", // a sign-off word without its comma is a verb
    "Dear team,\nThe slides are attached.", // not a name
    "Grace period ends on Friday, so pay the invoice now.", // a sentence start, no greeting
  ])("leaves ordinary words around greetings and sign-offs alone: %j", (message) => {
    expect(decide(message).masked).toEqual([]);
  });
});

describe("Auto routing: a given name that is a word, starting a sentence before a verb of speech or thought", () => {
  it.each([
    ["Rose said the parcel is late, so please write a complaint to the shop.", "Rose"],
    ["Frank called about the invoice yesterday; draft a short reply for me.", "Frank"],
    ["Hope thinks we should move the meeting. Write a polite note about it.", "Hope"],
  ])("masks it in what leaves: %s", (message, name) => {
    expect(decide(message)).toMatchObject({ route: "hybrid", masked: [name] });
    // Before this rule a sentence start exempted every capitalised word.
    expect(decide(message, "en-GB", without("speaker-name")).masked).not.toContain(name);
    expect(sent(message)).not.toContain(name);
  });

  it.each([
    "Will called about the invoice yesterday; draft a short reply for me.",
    "Please proofread this:\nThe parcel arrived, thank you.\nCheers,\nWill",
  ])(
    "keeps it on the device when the vault could not replace the word there (an everyday word at a line start): %j",
    (message) => {
      // Masked, "Will" would still leave: the vault replaces "will" only capitalised mid-sentence.
      expect(decide(message)).toMatchObject({ route: "local", kinds: ["given-name-word"], masked: [] });
    },
  );

  it.each([
    "Will you check the invoice for me before Friday?", // a pronoun, not a verb
    "Grace period ends on Friday, so pay the invoice now.", // a noun after the word
    "Hope you are well and the move went smoothly.", // a pronoun
    "May said nothing about the invoice, so check it.", // a month is never a given name here
    "Frank discussions help, so write the agenda plainly.", // an adjective at the start, then a noun
  ])("leaves a sentence-initial word alone when no verb of speech or thought follows: %s", (message) => {
    expect(decide(message).masked).toEqual([]);
  });

  it.each([
    "Bill states that the tenant must pay the repairs. Summarise it in plain words.",
    "Will says: the house goes to the children. Explain what that means.",
  ])(
    "reads a word that names a document before a present-tense verb reporting content as the document (round 9): %s",
    (message) => {
      expect(decide(message)).toMatchObject({ route: "hybrid", masked: [], kinds: [] });
      expect(sent(message)).toContain(message.slice(0, 11));
    },
  );

  it.each([
    ["Bill said that the tenant must pay. Write him a reply.", "Bill"], // the past tense: a person
    ["Bill says he will pay the repairs. Write him a reply.", "Bill"], // no reported content: a person
    ["Rose says that the tenant must pay. Write her a reply.", "Rose"], // no document
  ])("still masks the person when the verb, its next word or the word says so (near miss): %s", (message, name) => {
    expect(decide(message).masked).toEqual([name]);
  });

  it("is English only: German and French sentence starts are left to their own rules", () => {
    expect(decide("Rose sagte, das Paket sei verspätet.", "de-DE").masked).toEqual([]);
  });
});
