import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../../app/contract/errors";
import { errorText } from "../../../renderer/src/errorText";

describe("errorText", () => {
  it("leads with the catalog's words and keeps the host's specific message as detail", () => {
    const text = errorText({ code: "model_invalid", message: "/tmp/x.gguf is not a GGUF file (bad magic)." });
    expect(text.summary).toBe("That file is not a usable GGUF model.");
    expect(text.detail).toBe("/tmp/x.gguf is not a GGUF file (bad magic).");
  });

  it("falls back to the host's message for a code the catalog does not know", () => {
    const text = errorText({ code: "cloud_timeout", message: "The cloud model did not answer within 60 s." });
    expect(text).toEqual({ summary: "The cloud model did not answer within 60 s.", detail: null });
  });

  it("gives every error a non-empty summary", () => {
    for (const code of ERROR_CODES) expect(errorText({ code, message: "x" }).summary.length).toBeGreaterThan(0);
  });

  it("does not repeat a detail that says the same as the summary", () => {
    const summary = errorText({ code: "busy", message: "" }).summary;
    expect(errorText({ code: "busy", message: summary }).detail).toBeNull();
  });

  it("says which rule a rejected input broke instead of a generic 'could not understand'", () => {
    const text = errorText({
      code: "invalid_request",
      message: "Use a passphrase of at least 12 characters, or none.",
    });
    expect(text).toEqual({ summary: "Use a passphrase of at least 12 characters, or none.", detail: null });
  });
});
