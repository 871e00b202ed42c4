import { describe, expect, it } from "vitest";
import { prettyPayload } from "../../../../renderer/src/lib/prettyPayload";
import { placeholdersIn, splitPlaceholders } from "../../../../renderer/src/lib/splitPlaceholders";

describe("splitPlaceholders", () => {
  it("marks the sanitizer's placeholders and keeps the text around them", () => {
    expect(splitPlaceholders("Dear [PERSON_1], pay to [IBAN_2].")).toEqual([
      { text: "Dear ", placeholder: false },
      { text: "[PERSON_1]", placeholder: true },
      { text: ", pay to ", placeholder: false },
      { text: "[IBAN_2]", placeholder: true },
      { text: ".", placeholder: false },
    ]);
  });

  it("recognizes types written with underscores, such as DATE_OF_BIRTH", () => {
    expect(
      splitPlaceholders("born [DATE_OF_BIRTH_12]")
        .filter((p) => p.placeholder)
        .map((p) => p.text),
    ).toEqual(["[DATE_OF_BIRTH_12]"]);
  });

  it("does not mark brackets that only look like placeholders", () => {
    for (const text of ["[person_1]", "[PERSON]", "[PERSON_]", "[1]", "[PERSON_1a]", "[ PERSON_1 ]"]) {
      expect(splitPlaceholders(text)).toEqual([{ text, placeholder: false }]);
    }
  });

  it("returns markup in the text as plain text parts, never interpreted", () => {
    expect(splitPlaceholders("<b>[PERSON_1]</b>")).toEqual([
      { text: "<b>", placeholder: false },
      { text: "[PERSON_1]", placeholder: true },
      { text: "</b>", placeholder: false },
    ]);
  });

  it("lists each placeholder once, in order of appearance", () => {
    expect(placeholdersIn("[PERSON_2] met [PERSON_1] and [PERSON_2]")).toEqual(["[PERSON_2]", "[PERSON_1]"]);
    expect(splitPlaceholders("")).toEqual([]);
  });
});

describe("prettyPayload", () => {
  it("indents JSON without changing any value", () => {
    const payload = JSON.stringify({ model: "m", messages: [{ role: "user", content: "Hi [PERSON_1]\nthere" }] });
    const pretty = prettyPayload(payload);
    expect(pretty).toContain('\n  "messages": [');
    expect(JSON.parse(pretty)).toEqual(JSON.parse(payload));
  });

  it("shows text that is not JSON as it is", () => {
    expect(prettyPayload("not { json")).toBe("not { json");
  });
});
