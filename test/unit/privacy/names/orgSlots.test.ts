import { describe, expect, it } from "vitest";
import { PrivacyVault, sanitize } from "../../../../app/privacy";

const sent = (text: string) => sanitize(text, new PrivacyVault("t"), { locale: "en-US" }).text;

describe("an organisation of everyday words that the text calls an organisation (issue #11, class 2)", () => {
  it("masks it in a definition or apposition whose head is an organisation, and before its office", () => {
    expect(sent("Coden is a design agency based in Leeds.")).toBe("[ORG_1] is a design agency based in [LOCATION_1].");
    expect(sent("Silver Birch is a school in the village.")).toBe("[ORG_1] is a school in the village.");
    expect(sent("The Clean Power Finance office is on the second floor.")).toBe(
      "The [ORG_1] office is on the second floor.",
    );
  });

  it("leaves public names readable where nothing calls them an organisation, and public bodies even where something does", () => {
    for (const text of [
      "Python is a language and Burger King is open late.",
      "Coden is a word I made up for a game.",
      "The Social Security Administration is an agency of the government.",
      "Paper Planes is a song about a record company.",
    ])
      expect(sent(text)).toBe(text);
  });
});
