import { describe, expect, it } from "vitest";
import { PrivacyVault, restore, sanitize } from "../../../app/privacy";

function vault(): PrivacyVault {
  const v = new PrivacyVault("c");
  v.placeholderFor("Anna Weber", "PERSON");
  v.placeholderFor("anna@example.com", "EMAIL");
  v.placeholderFor("1985-03-12", "DATE_OF_BIRTH");
  return v;
}

describe("restore", () => {
  it("puts values back for exact placeholders", () => {
    expect(restore("Dear [PERSON_1], we wrote to [EMAIL_1].", vault())).toEqual({
      text: "Dear Anna Weber, we wrote to anna@example.com.",
      restored: 2,
      unresolved: [],
    });
  });

  it.each([
    ["[Person 1]"],
    ["[PERSON 1]"],
    ["PERSON_1"],
    ["Person_1"],
    ["[person_1]"],
    ["{PERSON_1}"],
    ["<PERSON_1>"],
    ["PERSON\\_1"],
    ["[ PERSON_1 ]"],
    ["PERSON 1"],
  ])("tolerates the model's rewrite %s", (written) => {
    expect(restore(`Hello ${written}!`, vault()).text).toBe("Hello Anna Weber!");
  });

  it("keeps possessives and multi-word types", () => {
    expect(restore("[PERSON_1]'s birthday is [DATE_OF_BIRTH_1] ([Date of Birth 1]).", vault()).text).toBe(
      "Anna Weber's birthday is 1985-03-12 (1985-03-12).",
    );
  });

  it("reports placeholders it cannot restore and leaves them as written", () => {
    const result = restore("Ask [PERSON_7] and Person_9 about [IBAN_1].", vault());
    expect(result.text).toBe("Ask [PERSON_7] and Person_9 about [IBAN_1].");
    expect(result.unresolved).toEqual(["[PERSON_7]", "Person_9", "[IBAN_1]"]);
    expect(result.restored).toBe(0);
  });

  it("names an unknown placeholder once however often the answer repeats it", () => {
    const result = restore("[PERSON_7] wrote to [PERSON_7]; [PERSON_1] replied.", vault());
    expect(result.unresolved).toEqual(["[PERSON_7]"]);
    expect(result.restored).toBe(1);
  });

  it("does not touch ordinary words that contain a type name", () => {
    expect(restore("Personal email 1 of 3; person 1 said", vault()).text).toBe("Personal email 1 of 3; person 1 said");
  });

  it("round-trips a realistic letter", () => {
    const letter =
      "Dear Mr. Gary Thompson,\nplease refund IBAN DE89 3704 0044 0532 0130 00 to me, Anna Weber (anna@example.com).\nRegards, Anna";
    const v = new PrivacyVault("c");
    const sanitized = sanitize(letter, v);
    expect(sanitized.text).not.toMatch(/Thompson|DE89|Weber|anna@/);
    const back = restore(sanitized.text, v);
    expect(back.unresolved).toEqual([]);
    expect(back.text).toBe(letter.replace("Regards, Anna", "Regards, Anna Weber"));
  });
});
