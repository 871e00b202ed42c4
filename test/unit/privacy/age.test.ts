import { describe, expect, it } from "vitest";
import { detect, PrivacyVault } from "../../../app/privacy";

const ages = (text: string, locale = "en-US") =>
  detect(text, new PrivacyVault("t"), { locale, nlp: false })
    .filter((d) => d.type === "AGE")
    .map((d) => d.text);

describe("ages", () => {
  it("finds English ages after a cue or with a unit that says old", () => {
    expect(ages("My brother just turned 60")).toEqual(["60"]);
    expect(ages("I'll turn 23.")).toEqual(["23"]);
    expect(ages("He retired at the age of 61; aged 47; Age: 52")).toEqual(["61", "47", "52"]);
    expect(ages("Written when he was 78.")).toEqual(["78"]);
    expect(ages("Patient is a 38-year-old male; i'm 31 y/o; my 8-year-old son")).toEqual([
      "38-year-old",
      "31 y/o",
      "8-year-old",
    ]);
  });

  it("finds German ages: mit 34, 34 Jahre alt, 34-jährig, seit ich 40 bin", () => {
    expect(ages("Er ist mit 34 gestorben.", "de-DE")).toEqual(["34"]);
    expect(ages("Mit 34 Jahren habe ich gekündigt.", "de-DE")).toEqual(["34 Jahren"]);
    expect(ages("Sie ist 34 Jahre alt, eine 34-jährige Mieterin.", "de-DE")).toEqual(["34 Jahre alt", "34-jährige"]);
    expect(ages("Seit ich 40 bin, und als ich 12 war; Alter: 55", "de-DE")).toEqual(["40", "12", "55"]);
  });

  it("finds French ages: à 61 ans, il a 61 ans, âgée de 45 ans, ma fille de 8 ans", () => {
    expect(ages("Il est décédé à 61 ans.", "fr-FR")).toEqual(["61 ans"]);
    expect(ages("Ma mère a 61 ans et ma fille de 8 ans.", "fr-FR")).toEqual(["61 ans", "8 ans"]);
    expect(ages("Elle est âgée de 45 ans et fête ses 40 ans de plus.", "fr-FR")).toEqual(["45 ans"]);
  });

  it('finds ages in appositions and brackets: "Marie, 47 ans,", "John, 47, is", "I (34F)"', () => {
    expect(ages("Marie, 47 ans, habite à Lyon.", "fr-FR")).toEqual(["47 ans"]);
    expect(ages("Jonas, 34 Jahre, wohnt in Köln.", "de-DE")).toEqual(["34 Jahre"]);
    expect(ages("John, 47, is a teacher. I (34F) and my husband (36M) moved.")).toEqual(["47", "34F", "36M"]);
    expect(ages("See page (12), section (3) and Chapter 4, 12, and 13.")).toEqual([]);
  });

  it("finds ages in words after the same cues: I am thirty-four, wird an Ostern fünfundachtzig, Le Gall, soixante-dix-huit ans", () => {
    expect(ages("I am thirty-four and have lived in the UK since 2015.", "en-GB")).toEqual(["thirty-four"]);
    expect(ages("Opa Konrad wird an Ostern fünfundachtzig, er hat einen Schrittmacher.", "de-DE")).toEqual([
      "fünfundachtzig",
    ]);
    expect(ages("Meine Tochter wird im Mai sieben.", "de-DE")).toEqual(["sieben"]);
    expect(ages("Mamie Yvonne Le Gall, soixante-dix-huit ans, sort de l'hôpital.", "fr-FR")).toEqual([
      "soixante-dix-huit ans",
    ]);
    // Near misses: a number word that does not end the clause, or after "ist".
    expect(ages("I am one of the tenants and I am ten minutes away.")).toEqual([]);
    expect(ages("Das Paket wird in drei Tagen geliefert.", "de-DE")).toEqual([]);
    expect(ages("Die Antwort ist zwei.", "de-DE")).toEqual([]);
  });

  it("leaves durations, decades, counts and measures alone", () => {
    expect(ages("in my forties; I'm 5 minutes late; the score was 12; the fee will be 40.")).toEqual([]);
    expect(ages("34 Jahre Garantie, seit 10 Jahren, mit 34 Teilnehmern, sie ist 34 km gelaufen.", "de-DE")).toEqual([]);
    expect(ages("61 ans de mariage, depuis 10 ans, il y a 10 ans, plus de 10 ans.", "fr-FR")).toEqual([]);
  });
});
