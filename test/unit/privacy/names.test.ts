import { describe, expect, it } from "vitest";
import { detect, PrivacyVault, type PrivateType } from "../../../app/privacy";

function found(text: string, locale = "en-US"): Array<[PrivateType, string]> {
  return detect(text, new PrivacyVault("t"), { locale }).map((d) => [d.type, d.text]);
}

const texts = (text: string, locale?: string) => found(text, locale).map(([, t]) => t);

describe("names, organisations and places", () => {
  it("finds a name after a title, without the title", () => {
    expect(found("Dear Mr. Gary Thompson, thank you.")).toEqual([["PERSON", "Gary Thompson"]]);
    expect(found("Sehr geehrte Frau Schulte-Brinkmann,", "de-DE")).toEqual([["PERSON", "Schulte-Brinkmann"]]);
    expect(found("Bonjour Mme Lefèvre,", "fr-FR")).toEqual([["PERSON", "Lefèvre"]]);
  });

  it("takes German 'Herrn' (Herr after a preposition or as an object) as a title too", () => {
    expect(found("Bitte schreiben Sie an Herrn Kranz wegen der Miete.", "de-DE")).toEqual([["PERSON", "Kranz"]]);
    expect(texts("Ich habe Herrn Becker angerufen.", "de-DE")).toEqual(["Becker"]);
  });

  it("finds names after greetings and relations, even lowercase in chat", () => {
    expect(texts("hi anna, can you help?")).toEqual(["anna"]);
    expect(texts("My landlord Peter Okonkwo refuses to fix the heating.")).toEqual(["Peter Okonkwo"]);
    expect(texts("Mein Vermieter Herr Albrecht antwortet nicht.", "de-DE")).toEqual(["Albrecht"]);
    expect(texts("Ma voisine Solène fait du bruit.", "fr-FR")).toEqual(["Solène"]);
  });

  it("finds the name under a sign-off", () => {
    expect(texts("Thanks for your help.\nBest regards,\nEmily Clarke")).toEqual(["Emily Clarke"]);
    expect(texts("Danke!\nMit freundlichen Grüßen\nJonas Becker", "de-DE")).toEqual(["Jonas Becker"]);
  });

  it("finds unknown foreign names in English text and known first names in lowercase", () => {
    expect(texts("Yesterday I met Krisztián Szöllösy at the station.")).toEqual(["Krisztián Szöllösy"]);
    expect(texts("i told john smith and sarah about it")).toEqual(["john smith", "sarah"]);
  });

  it("finds organisations by their legal suffix or kind, and places", () => {
    expect(found("I work for Brandt & Vogel GmbH in Munich.", "en-US")).toEqual([
      ["ORG", "Brandt & Vogel GmbH"],
      ["LOCATION", "Munich"],
    ]);
    expect(texts("She studied at the University of Alberta.")).toEqual(["University of Alberta"]);
  });

  it("does not take sentence-initial words, modal verbs or ordinary capitalized words for names", () => {
    expect(found("Will you fix the heating? Could you call back? Thanks, and Happy New Year!")).toEqual([]);
    expect(found("The Senior Compliance Officer uses Python and Kubernetes.")).toEqual([]);
  });

  it("does not read German capitalized nouns as names", () => {
    expect(
      found("Die Heizung in meiner Wohnung ist seit Montag kaputt. Können Sie die Reparatur veranlassen?", "de-DE"),
    ).toEqual([]);
  });

  it("takes a dictionary word for a name right after 'my name is' or 'my son', but not everyday vocabulary", () => {
    expect(texts("my name is borna jerković, nice to meet you")).toEqual(["borna jerković"]);
    expect(texts("I want to remove my kid Florence from the will.")).toEqual(["Florence"]);
    expect(texts("my name is not important and my son will help")).toEqual([]);
  });

  it("finds lone names at a sentence start when a person-verb or a colon follows", () => {
    expect(texts("Tomomi is from Osaka. Yesterday was cold.")).toEqual(["Tomomi", "Osaka"]);
    expect(texts("Halldór: What a day.")).toEqual(["Halldór"]);
  });

  it("finds a lone word at a sentence start that no dictionary or word list knows, but not a contraction", () => {
    expect(texts("Järvilehto began writing as a teenager.")).toEqual(["Järvilehto"]);
    expect(texts("I'll meet you there. They're late. C'mon, Yesterday was cold.")).toEqual([]);
    // An Italian text read with the English fallback: its sentence starts are words, not names.
    expect(
      texts("Ciao, vorrei prenotare una camera doppia. Abbiamo bisogno di aiuto. Grazie mille.").filter((t) =>
        /^(?:Ciao|Abbiamo|Grazie)$/.test(t),
      ),
    ).toEqual([]);
  });

  it("does not call an unknown English word ordinary for its ending, but keeps dictionary words with that ending", () => {
    expect(texts("I spent a year at Simpletuition as an assistant.")).toEqual(["Simpletuition"]);
    expect(texts("We discussed the Constitution and the Reformation.")).toEqual([]);
  });

  it("finds lists of people and names with initials", () => {
    expect(texts("Our founders: Monjeau, Graves and Reed.")).toEqual(["Monjeau", "Graves", "Reed"]);
    expect(texts("Janka M. Szász works here.")).toEqual(["Janka M. Szász"]);
  });

  it("finds a surname after initials, but not an everyday word after an abbreviation", () => {
    expect(texts("I wrote to J.R. Smith and A. B. Okafor about it.")).toEqual(["J.R. Smith", "A. B. Okafor"]);
    expect(texts("The U.S. Army replied. P.S. Thanks for the help.")).toEqual([]);
  });

  it("reads the capital after a sentence-initial determiner as the word's own", () => {
    expect(texts("The Avalara office is on the second floor.")).toEqual(["Avalara"]);
    expect(texts("The Senior Compliance Officer uses Python.")).toEqual([]);
  });

  it("keeps a middle initial inside a lowercase name, but does not take the article 'a' for one", () => {
    expect(texts("follow up with benjamin a seiler in a couple of months")).toEqual(["benjamin a seiler"]);
    expect(texts("ask anna a question about it")).toEqual(["anna"]);
  });

  it("finds an institution written in lowercase, but keeps a company-name word used as a common noun readable", () => {
    expect(found("my son goes to the university of north florida")).toEqual([["ORG", "university of north florida"]]);
    expect(found("J'ai appelé la clinique du Parc.", "fr-FR")).toEqual([["ORG", "clinique du Parc"]]);
    expect(texts("What is the capital of France?")).not.toContain("capital of France");
    expect(texts("How did the media of Brazil report it?")).not.toContain("media of Brazil");
    // The same words still end a company's name.
    expect(found("I work for Northwind Capital.")).toEqual([["ORG", "Northwind Capital"]]);
  });

  it("finds a French school or university named after an elided article (l'école, l'université), without the article", () => {
    expect(found("Mon fils va à l'école élémentaire des Acacias depuis septembre.", "fr-FR")).toEqual([
      ["ORG", "école élémentaire des Acacias"],
    ]);
    expect(found("J’ai écrit à l’université de Lorraine.", "fr-FR")).toEqual([["ORG", "université de Lorraine"]]);
    expect(found("Il est à l'école de musique.", "fr-FR")).toEqual([]);
  });

  it("finds organisation acronyms and listed places or companies written in lowercase", () => {
    expect(found("I bank with HSBC, not a PDF or the IBAN.")).toEqual([["ORG", "HSBC"]]);
    expect(texts("moved from hong kong to work at microsoft")).toEqual(["hong kong", "microsoft"]);
  });

  it("leaves ordinary capitalized English words, languages and public software names alone", () => {
    expect(
      found(
        "We visited the Empire State Building. Answer in English and Markdown; GitHub Actions runs the French Revolution quiz.",
      ),
    ).toEqual([]);
  });

  it("still names dictionary words when the context makes them names", () => {
    expect(found("I worked at Burger King, then at Airbus.")).toEqual([
      ["ORG", "Burger King"],
      ["ORG", "Airbus"],
    ]);
  });

  it("never detects its own placeholders", () => {
    expect(found("Dear [PERSON_1], your IBAN [IBAN_2] is noted. [Person 3] agrees.")).toEqual([]);
  });

  it("can be switched off", () => {
    expect(detect("Dear Mr. Gary Thompson", new PrivacyVault("t"), { nlp: false })).toEqual([]);
  });

  it("keeps public holidays but still finds a person named like a saint's day", () => {
    expect(texts("We met at Christmas and again at Halloween, then after Thanksgiving.")).toEqual([]);
    expect(texts("Wir fahren an Weihnachten zu den Eltern, nicht an Allerheiligen.", "de-DE")).toEqual([]);
    expect(texts("I met Patrick Okonkwo at Christmas.")).toEqual(["Patrick Okonkwo"]);
  });

  it("still finds a country that several holidays are named after, where the user comes from", () => {
    expect(found("I'm originally from Russia and moved here last year.")).toEqual([["LOCATION", "Russia"]]);
    expect(texts("We met at Christmas.")).toEqual([]);
  });

  it("finds name parts of many cultures from the people-names list, also in lowercase chat", () => {
    expect(texts("please send the invoice to koushik today")).toEqual(["koushik"]);
  });

  it("takes any word after a short title for a name, unless it is everyday vocabulary", () => {
    expect(texts("Write an email to Ms. yoyo about the party.")).toEqual(["yoyo"]);
    expect(texts("Have you watched Dr. who lately?")).toEqual([]);
  });

  it("finds cited authors before et al., but not an everyday word", () => {
    expect(texts("The extract inhibits growth (Sakr et al., 2019; Abdelkader et al. 2020).")).toEqual([
      "Sakr",
      "Abdelkader",
    ]);
    expect(texts("as reported by Song et al. in 2021")).toEqual(["Song"]);
  });
});
