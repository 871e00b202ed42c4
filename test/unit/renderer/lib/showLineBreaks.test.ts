import { describe, expect, it } from "vitest";
import { prettyPayload } from "../../../../renderer/src/lib/prettyPayload";
import { showLineBreaks } from "../../../../renderer/src/lib/showLineBreaks";

describe("showLineBreaks (the payload in What left this device)", () => {
  it("shows a letter's lines on their own lines while keeping the escapes that went over the wire", () => {
    const payload = JSON.stringify({
      messages: [{ role: "user", content: "Dear [PERSON_1],\nKind regards,\n[PERSON_2]" }],
    });
    const shown = showLineBreaks(prettyPayload(payload));
    expect(shown).toContain('"content": "Dear [PERSON_1],\\n\nKind regards,\\n\n[PERSON_2]"');
  });

  it("leaves an escaped backslash followed by n alone: it is no newline", () => {
    const payload = JSON.stringify({ content: "C:\\new folder" });
    expect(showLineBreaks(payload)).toBe(payload);
  });

  it("removing the added breaks gives back the exact JSON", () => {
    const payload = JSON.stringify({ content: "a\nb\\\nc" });
    expect(showLineBreaks(payload).replace(/\\n\n/g, "\\n")).toBe(payload);
    expect(JSON.parse(payload).content).toBe("a\nb\\\nc");
  });
});
