import { describe, expect, it } from "vitest";
import { PrivacyVault, sanitize } from "../../../../app/privacy";

const sent = (text: string, locale = "en-GB") => sanitize(text, new PrivacyVault("t"), { locale }).text;

describe("a nationality, religion or political group the user says they are (issue #11, Presidio's NRP)", () => {
  it("masks it after 'I am', 'we are' and 'as a … I' in English, lowercase and plural too", () => {
    expect(sent("I am cambodian but I moved here.")).toBe("I am [OTHER_1] but I moved here.");
    expect(sent("We are proud Saudis.")).toBe("We are proud [OTHER_1].");
    expect(sent("I'm of Ghanaian descent.")).toBe("I'm of [OTHER_1] descent.");
    expect(sent("I'm a practising Catholic.")).toBe("I'm a practising [OTHER_1].");
  });

  it("masks German nouns and French forms: 'ich bin Türkin', 'als Marokkaner … ich', 'je suis d'origine algérienne'", () => {
    expect(sent("Ich bin Türkin und wohne hier.", "de-DE")).toBe("Ich bin [OTHER_1] und wohne hier.");
    expect(sent("Als Marokkaner kenne ich das.", "de-DE")).toBe("Als [OTHER_1] kenne ich das.");
    expect(sent("Je suis d'origine algérienne.", "fr-FR")).toBe("Je suis d'origine [OTHER_1].");
    expect(sent("Je suis marocaine, j'habite ici.", "fr-FR")).toBe("Je suis [OTHER_1], j'habite ici.");
  });

  it("leaves a nationality in passing readable: before a noun, about others, or a role nobody in the first person holds", () => {
    for (const text of [
      "We had Italian food yesterday.",
      "I am Italian food lover.",
      "The Japanese government said so.",
      "As a Canadian company we ship worldwide.",
      "Answer in English, please.",
    ])
      expect(sent(text)).toBe(text);
    expect(sent("Le gouvernement marocain a dit non.", "fr-FR")).toBe("Le gouvernement marocain a dit non.");
  });
});
