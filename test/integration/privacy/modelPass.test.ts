import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalModel } from "../../../app/model/LocalModel";
import { createModelPass, PrivacyVault, sanitizeWithModel } from "../../../app/privacy";
import { LlamaRuntime } from "../../../native-models/LlamaRuntime";
import { getTinyModelPath } from "../../helpers/tinyModel";

/**
 * Step 5 against real llama.cpp. The tiny test model has random weights, so this checks the
 * plumbing and the guarantees — grammar-constrained JSON, chunking, exact-substring filter —
 * not the quality of its suggestions.
 */
let runtime: LlamaRuntime;
let model: LocalModel;

beforeAll(async () => {
  runtime = await LlamaRuntime.create({ gpu: false });
  model = await runtime.load(await getTinyModelPath(), { threads: 1, contextSize: 512 });
});

afterAll(async () => {
  await runtime.dispose();
  expect(model.disposed).toBe(true);
});

describe("the local-model pass", () => {
  it("returns well-formed items under the JSON-schema grammar", async () => {
    const items = await createModelPass(model, { maxTokens: 96 })("Anna Weber has lupus and lives in Quxville.");
    expect(Array.isArray(items)).toBe(true);
    for (const item of items) {
      expect(typeof item.text).toBe("string");
      expect(item.text.length).toBeLessThanOrEqual(80);
    }
  });

  it("never makes sanitize worse: rule findings stay replaced and model items are kept only as exact substrings", async () => {
    const text = "Dear Anna Weber, my IBAN is DE89 3704 0044 0532 0130 00.";
    const withModel = await sanitizeWithModel(text, new PrivacyVault("a"), {
      modelPass: createModelPass(model, { maxTokens: 96 }),
    });
    expect(withModel.text).not.toMatch(/Anna|Weber|DE89/);
    const vault = new PrivacyVault("b");
    await sanitizeWithModel(text, vault, { modelPass: createModelPass(model, { maxTokens: 96 }) });
    for (const entry of vault.entries()) expect(text).toContain(entry.value);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await createModelPass(model, { signal: controller.signal })("Anna Weber")).toEqual([]);
  });
});
