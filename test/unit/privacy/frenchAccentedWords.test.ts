import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../app/privacy";
import { isVeryCommonWord, isVocabularyWord } from "../../../app/privacy/commonWords";

const people = (text: string) =>
  detect(text, new PrivacyVault("t"), { locale: "fr-FR" })
    .filter((d) => d.type === "PERSON")
    .map((d) => d.text);

describe("French everyday words with à, è, ê or ù", () => {
  it("count as everyday vocabulary, as the words with é always did", () => {
    for (const word of ["très", "après", "problème", "être", "voilà", "déjà", "où", "garçon"])
      expect(isVocabularyWord(word), word).toBe(true);
    expect(isVeryCommonWord("très")).toBe(true);
  });

  it("are not taken for a name when written with a capital", () => {
    expect(people("Le chauffagiste passe Après Midi, pas le matin.")).toEqual([]);
  });

  it("leave out the names the second list also knows as names, so they stay private", () => {
    expect(isVocabularyWord("François")).toBe(false);
    expect(people("J'ai appelé François Lemaire hier.")).toEqual(["François Lemaire"]);
  });
});
