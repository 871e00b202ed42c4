import { describe, expect, it } from "vitest";
import { modelDisplayName } from "../../../app/contract/modelDisplayName";

describe("modelDisplayName", () => {
  it("uses the GGUF's general.name when it names the model", () => {
    expect(
      modelDisplayName({
        name: "Qwen2.5 3B Instruct",
        architecture: "qwen2",
        path: "/m/qwen2.5-3b-instruct-q4_k_m.gguf",
      }),
    ).toBe("Qwen2.5 3B Instruct");
  });

  it("uses the file name when general.name only repeats the architecture, as llama2.c conversions do", () => {
    expect(modelDisplayName({ name: "llama", architecture: "llama", path: "/home/a/models/stories260K.gguf" })).toBe(
      "stories260K",
    );
  });

  it("uses the file name when there is no general.name", () => {
    expect(modelDisplayName({ name: null, architecture: "llama", path: "C:\\models\\Phi-3.5-mini.Q4_K_M.gguf" })).toBe(
      "Phi-3.5-mini.Q4_K_M",
    );
  });
});
