import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, sanitize } from "../../../../app/privacy";

const people = (text: string, locale = "en-GB") =>
  detect(text, new PrivacyVault("t"), { locale })
    .filter((d) => d.type === "PERSON")
    .map((d) => d.text);

describe("a name after a greeting", () => {
  it("takes a surname that is also a word with it, so no part of the name is left behind", () => {
    expect(people("Dear Rose Baker, thank you for the letter.")).toEqual(["Rose Baker"]);
    expect(people("Hello Grace Cook, the boiler is fixed.")).toEqual(["Grace Cook"]);
    expect(
      sanitize("Dear Rose Baker, thank you for the letter.", new PrivacyVault("t"), { locale: "en-GB" }).text,
    ).toBe("Dear [PERSON_1], thank you for the letter.");
  });

  it("stops at everyday words and at punctuation after the name", () => {
    expect(people("Dear Rose, Garden Centre staff will call you.")).toEqual(["Rose"]);
    expect(people("Hi Rose The form is attached.")).toEqual(["Rose"]);
  });
});
