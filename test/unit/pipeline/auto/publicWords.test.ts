import { beforeAll, describe, expect, it } from "vitest";
import { routeMessage, ROUTING_RULES, type PublicWordList, type RoutingRules } from "../../../../app/pipeline/auto";
import { PrivacyVault, sanitize } from "../../../../app/privacy";
import { decideUsEnglish as decide, sentToCloud } from "./support/routeCases";

/**
 * Issue #16, round 9: capitalised words a maintained source knows as public — WordNet's kin nouns
 * and the names step's relation nouns ("Mom", "Oma"), WordNet's capitalised kinds ("Bible") and
 * the commonest words used as nouns ("Internet") — leave as written; names written with words
 * are still masked. Cases are invented sentences, not dev-set rows.
 */

const withoutList = (list: PublicWordList): RoutingRules => ({
  ...ROUTING_RULES,
  publicWordLists: ROUTING_RULES.publicWordLists.filter((l) => l !== list),
});

beforeAll(() => void decide("Warm up the word lists: ask Mom to read the Bible on the Internet."), 120_000);

describe("Auto routing: public capitalised words are not masked as names", () => {
  it.each([
    ["Can you ask Mom whether dinner is at six on Sunday?", "Mom"],
    ["Write a note that Grandma and Dad arrive late tonight.", "Dad"],
    ["Remind me to call Papa before the match starts.", "Papa"],
  ])("leaves a kinship address word as written: %s", (message, word) => {
    expect(decide(message)).toMatchObject({ route: "hybrid", masked: [], kinds: [] });
    expect(sentToCloud(message, "en-US")).toContain(word);
    // Before round 9 the word was masked as a name part or a capitalised word.
    expect(decide(message, [], "en-US", withoutList("kinship")).masked).toContain(word);
  });

  it("reads German kinship words as words too: 'Oma und Papa fragen'", () => {
    const german = "Kannst du bitte Oma und Papa fragen, ob sie morgen zum Essen kommen?";
    expect(decide(german, [], "de-DE")).toMatchObject({ route: "hybrid", masked: [], kinds: [] });
  });

  it.each([
    ["I looked it up on the Internet but found nothing about the new rules.", "Internet"],
    ["We read the Bible together every evening; suggest a reading plan.", "Bible"],
  ])("leaves a word WordNet knows as a public noun as written: %s", (message, word) => {
    expect(decide(message)).toMatchObject({ route: "hybrid", masked: [] });
    expect(sentToCloud(message, "en-US")).toContain(word);
    expect(decide(message, [], "en-US", withoutList("public-nouns")).masked).toEqual([word]);
  });

  it.each([
    ["Thank you, Baker, for the flowers you left at the door.", "Baker"], // a surname that is a word
    ["Please tell the client that Mint will send the invoice today.", "Mint"], // a company, not a WordNet proper noun
    ["Please tell the office that Park will bring the keys on Friday.", "Park"], // a frequent word that is a listed surname
    ["Thank you, Chen, for the flowers you left at the door.", "Chen"], // a WordNet genus that is a listed surname
    ["Thank you, Tay, for the flowers you left at the door.", "Tay"], // a WordNet language, a short listed name part
  ])("still does not send a name written with a public word as written (near miss): %s", (message, word) => {
    const decision = decide(message);
    // Masked, or (a listed surname the dictionary does not know) kept on the device.
    expect(decision.route === "local" || decision.masked.includes(word)).toBe(true);
  });

  it("reads a word of a whole holiday name written out as public: 'Boxing Day' (date-holidays), not 'Boxing' alone (near miss)", () => {
    expect(decide("We all meet on Boxing Day at the station, so book the train.")).toMatchObject({
      route: "hybrid",
      masked: [],
    });
    expect(decide("Thank you, Boxing, for the gloves you left at the door.").masked).toEqual(["Boxing"]);
  });

  it("leaves a statute's section number after '§' readable, and still masks the same number elsewhere (near miss)", () => {
    expect(decide("Mein Vermieter beruft sich auf § 556 BGB und § 573c BGB.", [], "de-DE")).toMatchObject({
      route: "hybrid",
      masked: [],
    });
    expect(decide("Mein Vermieter nennt die Nummer 556 im Brief.", [], "de-DE").masked).toEqual(["556"]);
  });

  it("still treats a given name that WordNet files as kin as a name: 'Grace' is no relative, 'Nan' is", () => {
    expect(decide("Please write that Grace will bring the keys on Friday.")).toMatchObject({ route: "local" });
    expect(decide("Please write that Nan will bring the keys on Friday.").masked).toEqual([]);
  });
});

describe("Auto routing: a word masked because it was capitalised is not the lowercase word later", () => {
  const online = { locale: "en-US", alwaysLocalTopics: [], offline: false, cloudAvailable: true };

  it("replaces 'Mint' the company in this and later messages, leaves 'mint tea' readable", () => {
    const vault = new PrivacyVault("c-mint");
    const first = "Please tell the client that Mint will send the invoice today.";
    expect(routeMessage({ message: first, vault, settings: online })).toMatchObject({
      route: "hybrid",
      masked: ["Mint"],
    });
    expect(sanitize(first, vault).text).toBe("Please tell the client that [OTHER_1] will send the invoice today.");
    const later = "Thanks. Also, Mint asked for a recipe for mint tea for the office party.";
    expect(sanitize(later, vault).text).toBe(
      "Thanks. Also, [OTHER_1] asked for a recipe for mint tea for the office party.",
    );
    expect(vault.entries()).toMatchObject([{ value: "Mint", capitalOnly: true }]);
  });

  it("replaces every case when the same message also writes the word in lowercase (near miss): the writer may mean the name both ways", () => {
    const vault = new PrivacyVault("c-both");
    const message = "Please tell the client that Mint will send the invoice, and cc mint on it.";
    expect(routeMessage({ message, vault, settings: online })).toMatchObject({ route: "hybrid", masked: ["Mint"] });
    expect(sanitize(message, vault).text).toBe(
      "Please tell the client that [OTHER_1] will send the invoice, and cc [OTHER_1] on it.",
    );
    expect(vault.entries()[0]?.capitalOnly).toBeUndefined();
  });

  it("registers a masked number without the flag (near miss): only capitalised-word guesses are capital-only", () => {
    const vault = new PrivacyVault("c-number");
    const message = "Please tell the shop that the parcel 48213 arrives on Monday.";
    expect(routeMessage({ message, vault, settings: online })).toMatchObject({ masked: ["48213"] });
    expect(vault.entries()).toMatchObject([{ value: "48213" }]);
    expect(vault.entries()[0]?.capitalOnly).toBeUndefined();
  });
});
