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

  it("leaves a German or French greeting out of the name, as it does 'Dear'", () => {
    expect(people("Bonjour Claire Dupont, merci pour votre message.", "fr-FR")).toEqual(["Claire Dupont"]);
    expect(people("Salut Claire Dupont, ça va ?", "fr-FR")).toEqual(["Claire Dupont"]);
    expect(people("Cher Paul Martin, merci pour le devis.", "fr-FR")).toEqual(["Paul Martin"]);
    expect(people("Moin Jonas Becker, danke für die Nachricht.", "de-DE")).toEqual(["Jonas Becker"]);
    expect(
      sanitize("Bonjour Claire Dupont, merci pour votre message.", new PrivacyVault("t"), { locale: "fr-FR" }).text,
    ).toBe("Bonjour [PERSON_1], merci pour votre message.");
  });

  it("stops at everyday words and at punctuation after the name", () => {
    expect(people("Dear Rose, Garden Centre staff will call you.")).toEqual(["Rose"]);
    expect(people("Hi Rose The form is attached.")).toEqual(["Rose"]);
  });
});
