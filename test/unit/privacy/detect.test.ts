import { describe, expect, it } from "vitest";
import { PrivacyVault, detect } from "../../../app/privacy";

const found = (text: string, options = {}) => detect(text, new PrivacyVault("c"), options).map((d) => d.text);

describe("detect", () => {
  it("reads a text as English (US) when no locale is given: the tagger finds a lone name", () => {
    expect(found("She won't lose her daughter. She won't lose Rindy. There is only one way.")).toEqual(["Rindy"]);
  }, 30_000); // the tagger's first use loads its lexicon: seconds on a loaded machine

  it("takes a bare language as its country's locale, in any letter case: a German number in national format with locale de", () => {
    const text = "Ruf mich unter 030 12345678 an.";
    expect(found(text, { locale: "de" })).toEqual(["030 12345678"]);
    expect(found(text, { locale: "DE" })).toEqual(["030 12345678"]);
    expect(found(text, { locale: "de_de" })).toEqual(["030 12345678"]);
    expect(found(text, { locale: "en-US" })).toEqual([]);
  });

  it("finds nothing in an empty message, even with private terms declared", () => {
    const vault = new PrivacyVault("c");
    vault.placeholderFor("Anna Weber", "PERSON");
    expect(detect("", vault, { declaredTerms: [{ text: "Weber", type: "PERSON" }] })).toEqual([]);
  });

  it("reads an unseparated national phone number with the bare language's country: en is the US, fr France, any other language the US", () => {
    const us = "Reach me at 4155550132 after six.";
    const france = "Joignez-moi ce soir: 0142685300.";
    expect(found(us, { locale: "en", nlp: false })).toEqual(["4155550132"]);
    expect(found(france, { locale: "fr", nlp: false })).toEqual(["0142685300"]);
    expect(found(us, { locale: "es", nlp: false })).toEqual(["4155550132"]);
    // Controls: each number is national, valid only in its own country.
    expect(found(us, { locale: "fr", nlp: false })).toEqual([]);
    expect(found(france, { locale: "en", nlp: false })).toEqual([]);
  });

  it("never finds a private item inside one of its own placeholders, though an always-private term spells its type", () => {
    const vault = new PrivacyVault("c");
    vault.placeholderFor("Anna Weber", "PERSON");
    vault.placeholderFor("anna@example.com", "EMAIL");
    const text = "Dear [PERSON_1], my email is [EMAIL_1], not Email.";
    const detections = detect(text, vault, { declaredTerms: [{ text: "Email", type: "OTHER" }] });
    expect(detections.map((d) => [d.text, d.start])).toEqual([["Email", text.lastIndexOf("Email")]]);
  });

  it("still finds a private item right before or right after a placeholder, even touching it", () => {
    const vault = new PrivacyVault("c");
    const at = (text: string) => detect(text, vault).map((d) => [d.text, d.start]);
    expect(at("Write to jan.novak@example.org about [PERSON_1].")).toEqual([["jan.novak@example.org", 9]]);
    expect(at("Mail jan.novak@example.org[PERSON_1] now")).toEqual([["jan.novak@example.org", 5]]);
    expect(at("Call +49 30 901820[PHONE_1] or [PHONE_2]+49 30 901821")).toEqual([
      ["+49 30 901820", 5],
      ["+49 30 901821", 40],
    ]);
  });
});
