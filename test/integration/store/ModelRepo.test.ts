import { describe, expect, it } from "vitest";
import type { ModelInput } from "../../../app/store/ModelRepo";
import { useTempStores } from "../../helpers/tempStore";

const qwen: ModelInput = {
  name: "Qwen2.5 0.5B Instruct",
  path: "/models/qwen2.5-0.5b-instruct-q4_k_m.gguf",
  sizeBytes: 491_400_032,
  architecture: "qwen2",
  parameterCount: 494_032_768,
  quantization: "Q4_K_M",
  contextLength: 32768,
  hasChatTemplate: true,
};

describe("models", () => {
  const temp = useTempStores();

  it("records a model with everything read from its header", () => {
    const store = temp.open();
    const added = store.models.add(qwen);
    expect(added).toMatchObject(qwen);
    expect(added.addedAt).toBeGreaterThan(0);
    expect(store.models.get(added.id)).toEqual(added);
    expect(store.models.list()).toEqual([added]);
  });

  it("keeps unknown header facts as null", () => {
    const store = temp.open();
    const bare = store.models.add({
      ...qwen,
      architecture: null,
      parameterCount: null,
      quantization: null,
      contextLength: null,
      hasChatTemplate: false,
    });
    expect(bare).toMatchObject({
      architecture: null,
      parameterCount: null,
      quantization: null,
      contextLength: null,
      hasChatTemplate: false,
    });
  });

  it("updates the existing entry, keeping its id, when the same file is added again", () => {
    const store = temp.open();
    const first = store.models.add(qwen);
    const again = store.models.add({ ...qwen, name: "Renamed", sizeBytes: 1 });
    expect(again).toMatchObject({ id: first.id, addedAt: first.addedAt, name: "Renamed", sizeBytes: 1 });
    expect(store.models.list()).toHaveLength(1);
  });

  it("lists models in the order they were added", () => {
    const store = temp.open();
    const a = store.models.add({ ...qwen, path: "/a.gguf" });
    const b = store.models.add({ ...qwen, path: "/b.gguf" });
    expect(store.models.list().map((m) => m.id)).toEqual([a.id, b.id]);
  });

  it("removes a model, and clears the active model setting if it pointed there", () => {
    const store = temp.open();
    const active = store.models.add({ ...qwen, path: "/active.gguf" });
    const other = store.models.add({ ...qwen, path: "/other.gguf" });
    store.settings.update({ activeModelId: active.id });
    expect(store.models.remove(other.id)).toBe(true);
    expect(store.settings.get().activeModelId).toBe(active.id);
    expect(store.models.remove(active.id)).toBe(true);
    expect(store.settings.get().activeModelId).toBeNull();
    expect(store.models.get(active.id)).toBeNull();
    expect(store.models.remove(active.id)).toBe(false);
  });
});
