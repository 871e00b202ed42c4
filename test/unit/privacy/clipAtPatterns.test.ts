import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, registerContext, sanitize } from "../../../app/privacy";

describe("a name that runs into a structured item", () => {
  const profile = "Colombe Dierickx, avenue Brugmann 214, 1180 Uccle. Compte chez Belfius BE83 0682 4719 3615.";

  it("types the bank before an IBAN as an organisation and the IBAN on its own", () => {
    const found = detect(profile, new PrivacyVault("t"), { locale: "fr-BE" }).map((d) => `${d.type}:${d.text}`);
    expect(found).toEqual(expect.arrayContaining(["ORG:Belfius", "IBAN:BE83 0682 4719 3615"]));
  });

  it("lets the bank registered from the profile be replaced where it opens a sentence", () => {
    const vault = new PrivacyVault("t");
    registerContext(vault, profile, { locale: "fr-BE" });
    const out = sanitize("Belfius n'a pas répondu à ma réclamation sur le double débit.", vault, {
      locale: "fr-BE",
    }).text;
    expect(out).not.toContain("Belfius");
    expect(out).toContain("double débit");
  });
});
