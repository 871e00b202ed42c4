import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, sanitize } from "../../../../app/privacy";

const people = (text: string, locale = "en-GB") =>
  detect(text, new PrivacyVault("t"), { locale })
    .filter((d) => d.type === "PERSON")
    .map((d) => d.text);
const sent = (text: string, locale = "en-GB") => sanitize(text, new PrivacyVault("t"), { locale }).text;

describe("a name after a chain of titles (issue #11, letters)", () => {
  it("finds the name after the last title or German degree, not nothing", () => {
    expect(sent("z. Hd. Frau Dr. med. Schulz-Ahrens\nBitte um Rückruf.", "de-DE")).toBe(
      "z. Hd. Frau Dr. med. [PERSON_1]\nBitte um Rückruf.",
    );
    expect(people("Sehr geehrter Herr Prof. Dr. Wendtland,", "de-DE")).toContain("Wendtland");
    expect(people("Dear Mrs Dr Okafor-Lind, thank you.")).toContain("Okafor-Lind");
  });

  it("keeps a title alone or a degree without a name readable", () => {
    expect(sent("Frau Dr. med. hat heute keine Sprechstunde.", "de-DE")).toBe(
      "Frau Dr. med. hat heute keine Sprechstunde.",
    );
    expect(people("Ask the Dr. about it.")).toEqual([]);
  });
});

describe("a lowercase name after a German or French title", () => {
  it("masks the name after 'frau', 'herr' or 'mme' typed in lowercase, as after 'mr'", () => {
    expect(sent("mme dupuis a appelé ce matin.", "fr-FR")).toBe("mme [PERSON_1] a appelé ce matin.");
    expect(sent("sehr geehrte frau yilmaz, danke.", "de-DE")).toBe("sehr geehrte frau [PERSON_1], danke.");
  });

  it("leaves everyday words after a lowercase title alone", () => {
    expect(sent("merci madame la directrice.", "fr-FR")).toBe("merci madame la directrice.");
    expect(sent("frau und herr sind Anreden.", "de-DE")).toBe("frau und herr sind Anreden.");
  });
});

describe("a lowercase name joined by 'and' to a person (chats)", () => {
  it("masks the second name of 'ahmed and priya', 'jannik und merve', and the name again later", () => {
    expect(sent("can u remind ahmed and priya about the rent?")).toBe(
      "can u remind [PERSON_1] and [PERSON_2] about the rent?",
    );
    expect(sent("schreib an jannik und merve, merve hat morgen geburtstag", "de-DE")).toBe(
      "schreib an [PERSON_1] und [PERSON_2], [PERSON_2] hat morgen geburtstag",
    );
  });

  it("leaves everyday words, function words and dictionary words after 'and' readable", () => {
    expect(sent("can u remind ahmed and me about the rent?")).toBe("can u remind [PERSON_1] and me about the rent?");
    expect(sent("Call Dr Brennan and ask about the results.")).toBe("Call Dr [PERSON_1] and ask about the results.");
    expect(sent("écris à Fatoumata et tonton pour la fête", "fr-FR")).toBe("écris à [PERSON_1] et tonton pour la fête");
  });
});

describe("a relative's name after anyone's possessive", () => {
  it("masks the name after 'ihr Freund' and 'your son' as after 'my'", () => {
    expect(sent("Leni und ihr Freund Matteo kommen morgen.", "de-DE")).toContain("ihr Freund [PERSON_");
    expect(sent("Is your son Kai coming?")).toBe("Is your son [PERSON_1] coming?");
  });
});

describe("the writer introducing themselves in a chat", () => {
  it("masks the lowercase name after 'i'm', 'it's me,', 'it's … here' and 'hier ist'", () => {
    expect(sent("i'm ioana and i need help with a letter")).toBe("i'm [PERSON_1] and i need help with a letter");
    expect(sent("hey its me, dimitra. quick question")).toBe("hey its me, [PERSON_1]. quick question");
    expect(sent("hi it's ioana here, quick question")).toBe("hi it's [PERSON_1] here, quick question");
    expect(sent("Hallo, hier ist Jolanthe aus dem dritten Stock.", "de-DE")).toContain("hier ist [PERSON_1]");
  });

  it("never makes 'I'm' part of the name, and leaves everyday words after an introduction alone", () => {
    expect(sent("Hi, I'm Tadgh, your new tenant.")).toBe("Hi, I'm [PERSON_1], your new tenant.");
    for (const text of ["i'm tired and i'm gonna sleep", "This is great. this is ridiculous.", "its me again, sorry"])
      expect(sent(text)).toBe(text);
    expect(sent("hier ist das Problem", "de-DE")).toBe("hier ist das Problem");
  });
});
