import { describe, expect, it } from "vitest";
import { toChatHistory } from "../../../native-models/generateReply";

describe("toChatHistory (the turns llama.cpp sees)", () => {
  it("leaves an empty model turn after the user's message, where the answer is written", () => {
    expect(
      toChatHistory([
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ]),
    ).toEqual([
      { type: "system", text: "Be brief." },
      { type: "user", text: "Hi" },
      { type: "model", response: [] },
    ]);
  });

  it("for Continue, ends with the cut answer itself, so the model writes on from its last word", () => {
    const history = toChatHistory([
      { role: "user", content: "Write to my landlord" },
      { role: "assistant", content: "Dear Mr. Smith," },
    ]);
    expect(history.at(-1)).toEqual({ type: "model", response: ["Dear Mr. Smith,"] });
    expect(history).toHaveLength(2);
  });
});
