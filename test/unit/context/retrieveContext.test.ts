import { describe, expect, it } from "vitest";
import { formatContextForPrompt } from "../../../app/context/formatContextForPrompt";
import { useContextStore } from "./contextStore";
import { addHouseholdDocs } from "./fixtures/householdDocs";

/** A stand-in tokenizer with an obvious count: one token per whitespace-separated word. */
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("retrieving context", () => {
  const open = useContextStore();
  const chunking = { targetTokens: 40, overlapTokens: 0 };

  it.each([
    ["What's the wifi password?", "Household notes", "bluebird-42"],
    ["When is my dentist appointment?", "Letter from the dentist", "Thursday 13 March at 9:30"],
    ["How much is the rent for the flat?", "Lease", "1,250 EUR"],
    ["How long do I bake the lemon cake?", "Lemon cake", "40 minutes"],
    ["Who has our spare key?", "Household notes", "Mrs. Okafor"],
  ])("ranks the passage that answers %j first", (question, title, answer) => {
    const { context } = open(chunking);
    addHouseholdDocs(context);
    const result = context.retrieveContext({ conversationId: null, query: question, budgetTokens: 2000 });
    expect(result.items[0]?.title).toBe(title);
    expect(result.items[0]?.passages[0]?.text).toContain(answer);
  });

  it("returns passages with chunk ids and scores, best first", () => {
    const { context } = open(chunking);
    const { household } = addHouseholdDocs(context);
    const result = context.retrieveContext({
      conversationId: null,
      query: "insurance policy number",
      budgetTokens: 2000,
    });
    const chunkIds = new Set(context.items.chunks(household.id).map((c) => c.id));
    const all = result.items.flatMap((item) => item.passages);
    expect(result.items[0]!.passages[0]!.text).toContain("ZX-88231");
    expect(chunkIds.has(result.items[0]!.passages[0]!.chunkId)).toBe(true);
    expect(Math.max(...all.map((p) => p.score))).toBe(result.items[0]!.passages[0]!.score);
  });

  it("finds nothing for a message without searchable words, but still gives the profile", () => {
    const { context } = open(chunking);
    addHouseholdDocs(context);
    context.profile.set({ name: "Ada Brennan" });
    const result = context.retrieveContext({ conversationId: null, query: "?? …", budgetTokens: 2000 });
    expect(result.items).toEqual([]);
    expect(result.profile?.name).toBe("Ada Brennan");
  });

  it("puts the profile first as a compact block", () => {
    const { context } = open(chunking);
    addHouseholdDocs(context);
    context.profile.set({
      name: "Ada Brennan",
      city: "Edinburgh",
      family: ["Tom (husband)"],
      alwaysPrivate: ["Project Heron"],
    });
    const result = context.retrieveContext({ conversationId: null, query: "wifi password", budgetTokens: 2000 });
    const block = formatContextForPrompt(result.profile, result);
    expect(
      block.startsWith("About the user:\nName: Ada Brennan\nCity: Edinburgh\nFamily: Tom (husband)\n\nRelevant notes"),
    ).toBe(true);
    expect(block).not.toContain("Project Heron");
  });
});

describe("the token budget", () => {
  const open = useContextStore();

  it("is never exceeded, and `tokens` is the exact count of the prompt block, for any budget", () => {
    const { context } = open({ targetTokens: 30, overlapTokens: 0 });
    addHouseholdDocs(context);
    context.profile.set({ name: "Ada Brennan", city: "Edinburgh", freeText: "I like short answers. ".repeat(20) });
    const query = "key insurance rent cake wifi dentist bins boiler cat";
    let previousPassages = 0;
    for (let budget = 0; budget <= 400; budget += 3) {
      const result = context.retrieveContext({
        conversationId: null,
        query,
        budgetTokens: budget,
        countTokens: words,
        maxPassages: 50,
      });
      expect(result.tokens).toBeLessThanOrEqual(budget);
      expect(result.tokens).toBe(words(formatContextForPrompt(result.profile, result)));
      const passages = result.items.flatMap((i) => i.passages).length;
      expect(passages).toBeGreaterThanOrEqual(previousPassages); // more room never means less context
      previousPassages = passages;
    }
    expect(previousPassages).toBeGreaterThan(5);
  });

  it("holds with the default estimate too", () => {
    const { context } = open({ targetTokens: 30, overlapTokens: 0 });
    addHouseholdDocs(context);
    for (const budget of [0, 10, 50, 120, 250]) {
      expect(
        context.retrieveContext({ conversationId: null, query: "rent wifi cake key", budgetTokens: budget }).tokens,
      ).toBeLessThanOrEqual(budget);
    }
  });

  it("fills exactly the room of the best passage when that is the whole budget", () => {
    const { context } = open({ targetTokens: 40, overlapTokens: 0 });
    addHouseholdDocs(context);
    const full = context.retrieveContext({
      conversationId: null,
      query: "wifi password",
      budgetTokens: 5000,
      countTokens: words,
    });
    const best = { ...full, items: [{ ...full.items[0]!, passages: [full.items[0]!.passages[0]!] }] };
    const budget = words(formatContextForPrompt(null, best));
    const tight = context.retrieveContext({
      conversationId: null,
      query: "wifi password",
      budgetTokens: budget,
      countTokens: words,
    });
    expect(tight.tokens).toBe(budget);
    expect(tight.items[0]!.passages[0]!.text).toContain("bluebird-42");
    expect(
      context.retrieveContext({
        conversationId: null,
        query: "wifi password",
        budgetTokens: budget - 1,
        countTokens: words,
      }).items[0]?.passages[0]?.text ?? "",
    ).not.toContain("bluebird-42");
  });

  it("cuts the profile's free text to fit, and drops the profile when even its fields do not fit", () => {
    const { context } = open();
    context.profile.set({ name: "Ada Brennan", freeText: "word ".repeat(200) });
    const cut = context.retrieveContext({ conversationId: null, query: "", budgetTokens: 50, countTokens: words });
    expect(cut.tokens).toBeLessThanOrEqual(50);
    expect(cut.tokens).toBeGreaterThan(45);
    expect(cut.profile?.freeText.endsWith("…")).toBe(true);
    const none = context.retrieveContext({ conversationId: null, query: "", budgetTokens: 3, countTokens: words });
    expect(none).toEqual({ profile: null, items: [], tokens: 0 });
  });

  it("stops at maxPassages however large the budget", () => {
    const { context } = open({ targetTokens: 20, overlapTokens: 0 });
    addHouseholdDocs(context);
    const many = context.retrieveContext({
      conversationId: null,
      query: "rent wifi cake key insurance dentist",
      budgetTokens: 10_000,
      maxPassages: 3,
    });
    expect(many.items.flatMap((i) => i.passages)).toHaveLength(3);
  });
});
