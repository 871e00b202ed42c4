import { describe, expect, it } from "vitest";
import { TandemError } from "../../../../app/contract/errors";
import type { LocalModel } from "../../../../app/model/LocalModel";
import { fillGaps, type FillInput } from "../../../../app/pipeline/hybrid/fillGaps";
import { ScriptedModel } from "../../../helpers/scriptedModel";

const ANSWER =
  "Dear [PERSON_3],\n\nthank you for   the visit on Monday. [PERSON_3] will find the invoice attached. Regards, Anna";
const fills = (...pairs: Array<[string, string]>) =>
  JSON.stringify({ fills: pairs.map(([gap, value]) => ({ gap, value })) });

function input(model: LocalModel, over: Partial<FillInput> = {}): FillInput {
  return {
    model,
    contextBlock: "Profile: Anna Weber, Leeds. Doctor: Dr. Ruth Meyer.",
    text: ANSWER,
    gaps: ["[PERSON_3]"],
    candidates: [],
    signal: new AbortController().signal,
    ...over,
  };
}

/** A scripted model that answers with `answer` (or throws it), recording the prompts it got. */
function oneShot(answer: string | Error, contextSize?: number) {
  const model = new ScriptedModel(() => {
    if (answer instanceof Error) throw answer;
    return answer;
  }, contextSize);
  return { model, prompts: model.prompts };
}

/**
 * The local re-personalization pass of Hybrid's cloud-outline answers: the local model, which
 * knows the user, names what belongs in each gap the cloud's answer left; only the gaps change.
 */
describe("filling the gaps of a cloud answer on the device", () => {
  it("puts the model's value into every place the gap stands, keeps the rest of the answer, and reports the tokens it took", async () => {
    const model = new ScriptedModel(() => fills(["[PERSON_3]", " Dr. Ruth Meyer "]));
    const result = await fillGaps(input(model));
    expect(result.text).toBe(ANSWER.replaceAll("[PERSON_3]", "Dr. Ruth Meyer"));
    expect(result).toMatchObject({ filled: ["[PERSON_3]"], unresolved: [] });
    expect(result.tokens).toBe(model.countTokens(fills(["[PERSON_3]", " Dr. Ruth Meyer "])));
  });

  it("leaves a gap the model gives no usable value for as it is and reports it unresolved: empty, bracketed, or not a gap it was asked about", async () => {
    const gaps = ["[PERSON_3]", "[DATE_1]", "[LOCATION_2]", "[ORG_1]"];
    const text = "To [PERSON_3] on [DATE_1] at [LOCATION_2] for [ORG_1].";
    const answer = JSON.stringify({
      fills: [
        { gap: "[PERSON_3]", value: "  " },
        { gap: "[DATE_1]", value: "[DATE_2]" },
        { gap: "[LOCATION_2]", value: "Leeds" },
        { gap: "[LOCATION_2]", value: "York" },
        { gap: 7, value: "Acme" },
      ],
    });
    const result = await fillGaps(input(new ScriptedModel(() => answer), { text, gaps }));
    // The first value for a gap wins; the others stay open.
    expect(result.text).toBe("To [PERSON_3] on [DATE_1] at Leeds for [ORG_1].");
    expect(result.filled).toEqual(["[LOCATION_2]"]);
    expect(result.unresolved).toEqual(["[PERSON_3]", "[DATE_1]", "[ORG_1]"]);
  });

  it("an answer cut off mid-JSON fills nothing and keeps the whole answer", async () => {
    const cut = fills(["[PERSON_3]", "Dr. Ruth Meyer"]).slice(0, 30);
    const result = await fillGaps(input(new ScriptedModel(() => cut)));
    expect(result).toMatchObject({ text: ANSWER, filled: [], unresolved: ["[PERSON_3]"] });
  });

  it("asks with the context in the system prompt, each gap with the answer around it, the facts the answer may be missing, greedy and within a bounded JSON schema", async () => {
    const { model, prompts } = oneShot(fills(["[PERSON_3]", "Dr. Ruth Meyer"]));
    await fillGaps(input(model, { gaps: ["[PERSON_3]", "[DATE_1]"], candidates: ["Dr. Ruth Meyer", "12 May"] }));
    expect(prompts).toHaveLength(1);
    const [system, user] = prompts[0]!.turns;
    expect(system).toEqual({ role: "system", content: expect.stringContaining("Doctor: Dr. Ruth Meyer.") });
    expect(system!.content).toMatch(/^A polished answer was written for the user/);
    expect(user!.role).toBe("user");
    // The excerpt has the answer's whitespace collapsed; a gap the text does not hold gets its start.
    expect(user!.content).toBe(
      "Gaps in the answer:\n" +
        `- [PERSON_3]: "…${ANSWER.replace(/\s+/g, " ")}…"\n` +
        `- [DATE_1]: "…${ANSWER.slice(0, 160 + "[DATE_1]".length).replace(/\s+/g, " ")}…"\n\n` +
        "Facts the answer may be missing:\n- Dr. Ruth Meyer\n- 12 May",
    );
    expect(prompts[0]).toMatchObject({ temperature: 0, maxTokens: 24 + 32 * 2 });
    expect(prompts[0]!.jsonSchema).toEqual({
      type: "object",
      properties: {
        fills: {
          type: "array",
          maxItems: 2,
          items: {
            type: "object",
            properties: { gap: { enum: ["[PERSON_3]", "[DATE_1]"] }, value: { type: "string", maxLength: 80 } },
            required: ["gap", "value"],
          },
        },
      },
      required: ["fills"],
    });
  });

  it("shows only the answer within 160 characters of the gap (of the answer's start for a gap it does not hold)", async () => {
    const { model, prompts } = oneShot("{}");
    const long = `${"a".repeat(300)} [PERSON_3] ${"b".repeat(300)}`;
    await fillGaps(input(model, { text: long, contextBlock: "", gaps: ["[PERSON_3]", "[DATE_1]"] }));
    expect(prompts[0]!.turns[1]!.content).toBe(
      `Gaps in the answer:\n- [PERSON_3]: "…${"a".repeat(159)} [PERSON_3] ${"b".repeat(159)}…"\n` +
        `- [DATE_1]: "…${"a".repeat(160 + "[DATE_1]".length)}…"`,
    );
    // No context block: the instructions alone.
    expect(prompts[0]!.turns[0]!.content).toMatch(/Give an empty value when you do not know it\.$/);
  });

  it("counts the chat template's 8 tokens a turn when it checks that the prompt fits", async () => {
    const text = `${"a ".repeat(200)}[PERSON_3]${" b".repeat(200)}`;
    const wide = oneShot("{}");
    await fillGaps(input(wide.model, { text }));
    const turns = wide.prompts[0]!.turns;
    const promptTokens = turns.reduce((n, t) => n + wide.model.countTokens(t.content), 0);
    const maxTokens = 24 + 32;
    // Exactly enough room with the template's tokens: the same prompt; one token less: narrower excerpts.
    const fits = oneShot("{}", maxTokens + promptTokens + 8 * 2);
    await fillGaps(input(fits.model, { text }));
    expect(fits.prompts[0]!.turns).toEqual(turns);
    const short = oneShot("{}", maxTokens + promptTokens + 8 * 2 - 1);
    await fillGaps(input(short.model, { text }));
    expect(short.prompts[0]!.turns[0]).toEqual(turns[0]);
    expect(short.prompts[0]!.turns[1]!.content.length).toBeLessThan(turns[1]!.content.length);
  });

  it("caps the pass at 256 tokens however many gaps there are", async () => {
    const { model, prompts } = oneShot("{}");
    const gaps = Array.from({ length: 12 }, (_, i) => `[PERSON_${i + 1}]`);
    await fillGaps(input(model, { gaps, text: gaps.join(" ") }));
    expect(prompts[0]!.maxTokens).toBe(256);
  });

  it("when the prompt does not fit the context, narrows the excerpts, then drops the context block, and with no room at all leaves the answer as it is without asking", async () => {
    const context = "Profile: " + "x".repeat(2000);
    const text = `${"a ".repeat(400)}[PERSON_3]${" b".repeat(400)}`;
    const ask = async (contextSize: number) => {
      const { model, prompts } = oneShot(fills(["[PERSON_3]", "Ruth"]), contextSize);
      const result = await fillGaps(input(model, { text, contextBlock: context }));
      return { result, prompt: prompts[0] };
    };
    // Room for everything: the context and 160 characters each side.
    const wide = await ask(2000);
    expect(wide.prompt?.turns[0]!.content).toContain(context);
    expect(wide.prompt?.turns[1]!.content.length).toBeGreaterThan(300);
    // Room for the context with 60 characters each side only.
    const narrow = await ask(680);
    expect(narrow.prompt?.turns[0]!.content).toContain(context);
    const narrowLine = narrow.prompt?.turns[1]!.content ?? "";
    expect(narrowLine.length).toBeGreaterThan(120);
    expect(narrowLine.length).toBeLessThan(200);
    // No room for the context: the instructions alone, with the widest excerpt that fits.
    const bare = await ask(300);
    expect(bare.prompt?.turns[0]!.content).not.toContain("Profile:");
    expect(bare.prompt?.turns[1]!.content).toContain("[PERSON_3]");
    expect(bare.result.filled).toEqual(["[PERSON_3]"]);
    // No room at all: the model is not asked, the gap stays.
    const none = await ask(120);
    expect(none.prompt).toBeUndefined();
    expect(none.result).toEqual({ text, filled: [], unresolved: ["[PERSON_3]"], tokens: 0 });
  });

  it("does nothing without gaps, after Stop, or when Stop lands during the pass", async () => {
    const { model, prompts } = oneShot(fills(["[PERSON_3]", "Ruth"]));
    expect(await fillGaps(input(model, { gaps: [] }))).toEqual({ text: ANSWER, filled: [], unresolved: [], tokens: 0 });
    const stopped = new AbortController();
    stopped.abort();
    expect(await fillGaps(input(model, { signal: stopped.signal }))).toMatchObject({ text: ANSWER, tokens: 0 });
    expect(prompts).toHaveLength(0);
    const midway = new AbortController();
    const stopping = new ScriptedModel(() => {
      midway.abort();
      return fills(["[PERSON_3]", "Ruth"]);
    });
    expect(await fillGaps(input(stopping, { signal: midway.signal }))).toEqual({
      text: ANSWER,
      filled: [],
      unresolved: ["[PERSON_3]"],
      tokens: 0,
    });
  });

  it("keeps the answer when the local model fails in an expected way, and lets a bug through", async () => {
    const failing = oneShot(new TandemError("generation_failed", "Generation failed in the local model."));
    expect(await fillGaps(input(failing.model))).toMatchObject({ text: ANSWER, unresolved: ["[PERSON_3]"] });
    const bug = oneShot(new RangeError("bug"));
    await expect(fillGaps(input(bug.model))).rejects.toThrow(RangeError);
  });
});
