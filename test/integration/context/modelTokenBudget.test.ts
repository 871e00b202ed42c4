import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkText } from "../../../app/context/chunkText";
import { formatContextForPrompt } from "../../../app/context/formatContextForPrompt";
import { ContextService } from "../../../app/context/ContextService";
import type { LocalModel } from "../../../app/model/LocalModel";
import { Store } from "../../../app/store/Store";
import { LlamaRuntime } from "../../../native-models/LlamaRuntime";
import { getTinyModelPath } from "../../helpers/tinyModel";
import { addHouseholdDocs, HOUSEHOLD_NOTES, LEASE } from "../../unit/context/fixtures/householdDocs";

/** The budget counted with a real llama.cpp tokenizer (the tiny test model's), as the pipeline will. */
let runtime: LlamaRuntime;
let model: LocalModel;
let store: Store;

beforeAll(async () => {
  runtime = await LlamaRuntime.create({ gpu: false });
  model = await runtime.load(await getTinyModelPath(), { threads: 1, contextSize: 512 });
  store = Store.openInMemory();
});

afterAll(async () => {
  store.close();
  await runtime.dispose();
  expect(model.disposed).toBe(true);
  expect(store.isOpen).toBe(false);
});

describe("context within the local model's token budget", () => {
  const count = (text: string) => model.countTokens(text);

  it("chunks never exceed the target as the model counts them", () => {
    const text = [HOUSEHOLD_NOTES, LEASE].join("\n\n").repeat(3);
    const chunks = chunkText(text, { targetTokens: 24, overlapTokens: 6, countTokens: count });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.tokens).toBe(count(chunk.text));
      expect(chunk.tokens).toBeLessThanOrEqual(24);
    }
  });

  it("retrieval fits every budget exactly as the model's tokenizer counts the prompt block", () => {
    const context = new ContextService(store.db, { chunking: { targetTokens: 40, overlapTokens: 0 } });
    addHouseholdDocs(context);
    context.profile.set({
      name: "Ada Brennan",
      city: "Edinburgh",
      freeText: "Prefers short, friendly answers. ".repeat(3),
    });
    let fullest = 0;
    for (const budget of [0, 5, 20, 40, 80, 160, 320, 640, 1200]) {
      const result = context.retrieveContext({
        conversationId: null,
        query: "wifi password spare key rent",
        budgetTokens: budget,
        countTokens: count,
      });
      expect(result.tokens).toBeLessThanOrEqual(budget);
      expect(result.tokens).toBe(count(formatContextForPrompt(result.profile, result)));
      fullest = Math.max(fullest, result.items.length);
    }
    expect(fullest).toBeGreaterThan(1);
  });
});
