import { beforeAll, describe, expect, it } from "vitest";
import { detect, preparePrivacyEngine, PrivacyVault, sanitize } from "../../../../app/privacy";
import { loadTagger } from "../../../../app/privacy/names/winkTagger";

/** Issue #11, retention: words the names step took for private items although they are grammar, labels or emphasis. */
const found = (text: string, locale = "en-US", type?: string) =>
  detect(text, new PrivacyVault("t"), { locale })
    .filter((d) => type === undefined || d.type === type)
    .map((d) => d.text);
const cleaned = (text: string, locale = "en-US") => sanitize(text, new PrivacyVault("t"), { locale }).text;

// Word lists and the tagger model load once (seconds on a busy machine), outside the tests' time limit.
beforeAll(() => {
  preparePrivacyEngine();
  loadTagger();
}, 60_000);

describe("a field label after a full stop on the same line", () => {
  it("reaches the cloud as a label, with only the value replaced", () => {
    expect(cleaned("Please reply soon. E-mail: anna@example.com")).toBe("Please reply soon. E-mail: [EMAIL_1]");
  });

  it("does not hide a speaker whose name starts the next sentence", () => {
    expect(found("We met at noon. Halldór: what do you think?", "en-US", "PERSON")).toEqual(["Halldór"]);
  });
});

describe("a pronoun or other function word in lowercase", () => {
  it("is never taken for a given name", () => {
    expect(cleaned("Bonne Fête à toi, Marc !", "fr-FR")).toBe("Bonne Fête à toi, [PERSON_1] !");
  });

  it("still lets a lowercase given name before a surname be a name", () => {
    expect(found("i met toi nguyen yesterday", "en-US", "PERSON")).toEqual(["toi nguyen"]);
  });
});

describe("a list of capitalised words", () => {
  it("keeps a closing or a contraction beside a name out of the list of people", () => {
    expect(found("Merci pour tout.\nTrès Cordialement, Julie", "fr-FR", "PERSON")).toEqual(["Julie"]);
    expect(found("Hi Freddy, I'm contacting you about a problem.", "en-US", "PERSON")).toEqual(["Freddy"]);
  });

  it("still reads surnames that are also words as people", () => {
    expect(found("Park and Mann were precision engineers.", "en-US", "PERSON")).toEqual(["Park", "Mann"]);
  });
});

describe("words in capitals", () => {
  it("sends shouted words and SQL keywords as they are, not as organisations", () => {
    expect(cleaned("I DON'T KNOW WHAT TO PRESS NEXT!!! CAN I SPEAK TO A REAL PERSON?")).toBe(
      "I DON'T KNOW WHAT TO PRESS NEXT!!! CAN I SPEAK TO A REAL PERSON?",
    );
    expect(found("Inject SELECT * FROM Users WHERE id = 1", "en-US", "ORG")).toEqual([]);
  });

  it("keeps a label in capitals and a Roman numeral readable", () => {
    expect(found("ZIP: 3520", "en-US", "ORG")).toEqual([]);
    expect(cleaned("Title VII of the Civil Rights Act")).toBe("Title VII of the Civil Rights Act");
  });

  it("still treats a lone acronym and a place written in capitals as private", () => {
    expect(found("My employer HSBC moved me.", "en-US", "ORG")).toEqual(["HSBC"]);
    expect(found("originally from PORT O' WARREN, and 58", "en-US", "ORG")).toEqual(["PORT", "WARREN"]);
  });
});

describe("a single letter of another script", () => {
  it("is a mis-decoded character, not a name", () => {
    expect(found("A tribute to the band ג€“ sadly, it was withdrawn.", "en-US", "PERSON")).toEqual([]);
  });

  it("still masks a short name in that script", () => {
    expect(found("the actor Дмитрий Волков called", "en-US", "PERSON")).toEqual(["Дмитрий Волков"]);
  });
});

describe("an institution's name after its lowercase kind word", () => {
  it("ends at the first ordinary word of the text's language, so the sentence around it reaches the cloud", () => {
    expect(found("J'ai appelé la clinique du Parc m'a rappelé hier.", "fr-FR", "ORG")).toEqual(["clinique du Parc"]);
    expect(cleaned("J'ai appelé la clinique du Parc mardi matin.", "fr-FR")).toBe(
      "J'ai appelé la [ORG_1] mardi matin.",
    );
  });

  it("ends where a new sentence starts", () => {
    expect(found("J'ai appelé la clinique du Parc. Elle m'a rappelé.", "fr-FR", "ORG")).toEqual(["clinique du Parc"]);
  });

  it("still takes name words the language does not know, and English place names", () => {
    expect(found("Ich war gestern in der klinik am Stadtpark zur Kontrolle.", "de-DE", "ORG")).toEqual([
      "klinik am Stadtpark",
    ]);
    expect(found("I studied at the university of north florida until 2019.", "en-US", "ORG")).toEqual([
      "university of north florida",
    ]);
  });
});
