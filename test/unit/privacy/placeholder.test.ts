import { describe, expect, it } from "vitest";
import { PLACEHOLDER as CONTRACT_PLACEHOLDER } from "../../../app/contract/placeholder";
import {
  canonicalPlaceholder,
  formatPlaceholder,
  LOOSE_PLACEHOLDER,
  PLACEHOLDER,
  placeholderNumber,
  REWRITTEN_PLACEHOLDER,
} from "../../../app/privacy/placeholder";
import { PrivacyVault } from "../../../app/privacy";
import { splitPlaceholders } from "../../../renderer/src/lib/splitPlaceholders";

describe("the one placeholder format", () => {
  it("what the vault writes is what sanitize, the Auto rules and the renderer find, with its number read back", () => {
    const vault = new PrivacyVault("c1");
    const written = [
      vault.placeholderFor("Anna Weber", "PERSON", "detected"),
      vault.placeholderFor("12 March 1984", "DATE_OF_BIRTH", "detected"),
    ];
    expect(written).toEqual([formatPlaceholder("PERSON", 1), formatPlaceholder("DATE_OF_BIRTH", 1)]);
    const text = `Dear ${written[0]}, born ${written[1]}.`;
    expect([...text.matchAll(PLACEHOLDER)].map((m) => m[0])).toEqual(written);
    expect(CONTRACT_PLACEHOLDER).toBe(PLACEHOLDER);
    expect(
      splitPlaceholders(text)
        .filter((p) => p.placeholder)
        .map((p) => p.text),
    ).toEqual(written);
    expect(placeholderNumber(formatPlaceholder("EMAIL", 12))).toBe(12);
  });

  it("the strict form takes only placeholders as written; rewritten ones are for the loose forms", () => {
    const text = "[Person 1], [ PERSON_2 ], [NOTE], [1], [PERSON_3]";
    expect(text.match(PLACEHOLDER)).toEqual(["[PERSON_3]"]);
    expect(text.match(LOOSE_PLACEHOLDER)).toEqual(["[Person 1]", "[ PERSON_2 ]", "[PERSON_3]"]);
  });

  it("a placeholder as a model rewrote it maps back to the one the vault wrote", () => {
    const rewritten = [..."[Date of birth 2] and person_7 and {EMAIL #3}".matchAll(REWRITTEN_PLACEHOLDER)];
    expect(rewritten.map((m) => canonicalPlaceholder((m[1] ?? m[3])!, (m[2] ?? m[4])!))).toEqual([
      "[DATE_OF_BIRTH_2]",
      "[PERSON_7]",
      "[EMAIL_3]",
    ]);
  });
});
