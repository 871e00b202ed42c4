import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, sanitize } from "../../../../app/privacy";

const people = (text: string, locale = "en-GB") =>
  detect(text, new PrivacyVault("t"), { locale })
    .filter((d) => d.type === "PERSON")
    .map((d) => d.text);

describe("a field label at the start of a line", () => {
  it("is not a person, hyphenated or not, whatever the capitals", () => {
    expect(people("E-mail: anna@example.com\nName: Rose Baker")).toEqual(["Rose Baker"]);
    expect(people("E-Mail: anna@example.com\nCheck-in: 14:00\nCheck-out: 11:00")).toEqual([]);
    expect(people("Follow-up: call the surgery on Monday")).toEqual([]);
    expect(people("E-mail : claire@example.fr\nNom : Claire Dupont", "fr-FR")).toEqual(["Claire Dupont"]);
  });

  it("stays in the sanitized text, with only the value replaced", () => {
    expect(sanitize("E-mail: anna@example.com", new PrivacyVault("t"), { locale: "en-GB" }).text).toBe(
      "E-mail: [EMAIL_1]",
    );
  });

  it("still lets a speaker's name before a colon be a name", () => {
    expect(people("Halldór: What do you think?")).toEqual(["Halldór"]);
    expect(people("Jean-Pierre: on arrive demain.", "fr-FR")).toEqual(["Jean-Pierre"]);
  });
});
