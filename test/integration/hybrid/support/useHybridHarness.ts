import { afterAll, beforeAll, expect } from "vitest";
import type { LocalModel } from "../../../../app/model/LocalModel";
import { LlamaRuntime } from "../../../../native-models/LlamaRuntime";
import { startHarness, type Harness, type HarnessOptions } from "./hybridHarness";
import { getEndlessTinyModel2kPath, getTinyModel2kPath } from "./tinyModel2k";

export interface UseHarnessOptions extends HarnessOptions {
  /**
   * The tiny model that never ends an answer by itself (cut at maxAnswerTokens): for tests whose
   * local answers must have text. The default model has random weights and may end at once.
   */
  endless?: boolean;
}

/**
 * Registers a test file's set-up and tear-down around the Hybrid harness: llama.cpp on the CPU,
 * the tiny test model, the harness (`ready` receives it once started, for the file's own set-up);
 * the tear-down closes everything and checks the model's memory was freed.
 */
export function useHybridHarness(options: UseHarnessOptions, ready: (h: Harness) => void): void {
  let runtime: LlamaRuntime;
  let model: LocalModel;
  let h: Harness;

  beforeAll(async () => {
    runtime = await LlamaRuntime.create({ gpu: false });
    const path = options.endless ? await getEndlessTinyModel2kPath() : await getTinyModel2kPath();
    model = await runtime.load(path, { threads: 1, contextSize: 2048 });
    h = await startHarness(model, options);
    ready(h);
  });

  afterAll(async () => {
    await h.close();
    await runtime.dispose();
    expect(model.disposed).toBe(true);
  });
}
